package dev.nnsh.summary;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import dev.nnsh.Nnsh;
import dev.nnsh.models.Models;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Debian's chromium renders resnet18's HTML table and SVG diagram to PNG (headless); the pictures must
 * not be blank and must have the shape the layout promises. .ci/run installs chromium when missing.
 */
@Tag("e2e")
class ScreenshotTest {
    /** The bounding box of the pixels that are not (nearly) white, and how varied the picture is. */
    record Content(int left, int top, int right, int bottom, double inkShare, int colours, BufferedImage image) {
        int width() { return right - left + 1; }
        int height() { return bottom - top + 1; }
    }

    static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(p)) return p;
            }
        }
        return fail("chromium is not installed (Debian: apt-get install chromium; .ci/run installs it), so the screenshot test cannot run");
    }

    static BufferedImage screenshot(Path page, int width, int height, Path work) throws Exception {
        Path png = work.resolve(page.getFileName() + ".png");
        List<String> command = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(work, "profile"), "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--screenshot=" + png, page.toUri().toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish: " + Files.readString(work.resolve("chromium.log")));
        }
        assertTrue(Files.exists(png), "chromium wrote no screenshot: " + Files.readString(work.resolve("chromium.log")));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        return image;
    }

    static Content content(BufferedImage image) {
        int left = image.getWidth(), top = image.getHeight(), right = -1, bottom = -1;
        long ink = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                int r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r > 245 && g > 245 && b > 245) continue;
                ink++;
                left = Math.min(left, x);
                right = Math.max(right, x);
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
            }
        }
        return new Content(left, top, right, bottom, (double) ink / ((long) image.getWidth() * image.getHeight()), colours.size(), image);
    }

    @Test void theDiagramRendersAsTallAsItsLayoutAndInColour(@TempDir Path work) throws Exception {
        Diagram diagram = Nnsh.diagram(Models.resnet18(), 1, 3, 224, 224);
        Path svg = diagram.save(work.resolve("resnet18.svg"));
        Element root = ExportsTest.parse(diagram.toSvg()).getDocumentElement();
        int width = Integer.parseInt(root.getAttribute("width")), height = Integer.parseInt(root.getAttribute("height"));
        assertTrue(height > 2 * width, width + "x" + height); // 14 blocks one under the other
        Content c = content(screenshot(svg, width, height, work));
        assertTrue(c.inkShare() > 0.10, "mostly blank: " + c);
        assertTrue(c.colours() > 50, "too few colours: " + c.colours());
        // the drawing spans its canvas less the 24-pixel margins: same aspect within 10 %
        double expected = (width - 48.0) / (height - 48.0), actual = (double) c.width() / c.height();
        assertEquals(expected, actual, expected * 0.10, "aspect of the drawing " + c.width() + "x" + c.height());
        // the deepest-coloured block is layer4.1, the largest share (40.4 %): a dark blue pixel in the lower half
        boolean darkBlue = false;
        for (int y = height / 2; y < height && !darkBlue; y++) {
            for (int x = 0; x < width && !darkBlue; x++) {
                int rgb = c.image().getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                darkBlue = r < 60 && g < 100 && b > 120;
            }
        }
        assertTrue(darkBlue, "no dark blue block in the lower half");
    }

    @Test void theHtmlTableRendersOneLinePerRowWithAStyledHeader(@TempDir Path work) throws Exception {
        ModelStatistics stats = Nnsh.summary(Models.resnet18(), Nnsh.options().inputSize(1, 3, 224, 224).verbose(0));
        Path html = stats.save(work.resolve("resnet18.html"));
        int rows = VisibleRows.of(stats).size(), footer = VisibleRows.footer(stats).size();
        Content c = content(screenshot(html, 1200, 3200, work));
        assertTrue(c.inkShare() > 0.03, "mostly blank: " + c);
        int lines = 1 + rows + footer;
        double perLine = (double) c.height() / lines;
        assertTrue(perLine > 16 && perLine < 40, "line height " + perLine + " px from " + c);
        assertTrue(c.width() > 400 && c.width() < 1150, "table width " + c.width());
        assertTrue(c.height() > 1.5 * c.width(), "a tall table for " + lines + " lines: " + c.width() + "x" + c.height());
        int rgb = c.image().getRGB(c.left() + 5, c.top() + 5);
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        assertTrue(r < 80 && g < 90 && b < 120, "the header is not the dark style colour: #" + Integer.toHexString(rgb & 0xffffff));
    }
}
