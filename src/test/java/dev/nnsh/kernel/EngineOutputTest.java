package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineOutputTest {
    private final List<String> events = new ArrayList<>();
    private final EngineOutput out = new EngineOutput("stdout", new EngineOutput.Sink() {
        @Override public void stream(String name, String text) {
            events.add(name + ":" + text);
        }
        @Override public void display(String kind, String bundle) {
            events.add(kind + ":" + Displays.decode(bundle));
        }
    });

    private void write(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    @Test void textGathersUntilDrained() {
        write("one ");
        write("two\n");
        assertEquals(List.of(), events);
        out.drain();
        assertEquals(List.of("stdout:one two\n"), events);
    }

    @Test void aCharacterSplitBetweenWritesArrivesWhole() {
        byte[] b = "µ→".getBytes(StandardCharsets.UTF_8);
        for (byte x : b) out.write(x);
        out.drain();
        assertEquals(List.of("stdout:µ→"), events);
    }

    @Test void aDisplayFrameSplitAcrossWritesShowsInPlace() {
        String frame = Displays.FRAME_START + "display " + Displays.encode(Map.of("text/html", "<b>é</b>")) + Displays.FRAME_END;
        write("before\n" + frame.substring(0, 9));
        write(frame.substring(9) + "after\n");
        out.drain();
        assertEquals(List.of("stdout:before\n", "display:{text/html=<b>é</b>}", "stdout:after\n"), events);
    }
}
