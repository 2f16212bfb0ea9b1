package dev.nnsh.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private final History h = new History();

    HistoryTest() {
        h.add(1, "int x = 1;", null);
        h.add(2, "x + 1", "2");
        h.add(3, "x + 1", "2");
        h.add(4, "zeros(2)", "tensor([0., 0.])");
    }

    private static JsonObject req(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test void tailGivesTheLastCellsWithOutputOnRequest() {
        assertEquals("[[1,3,\"x + 1\"],[1,4,\"zeros(2)\"]]", h.query(req("{\"hist_access_type\":\"tail\",\"n\":2}")).toString());
        assertEquals("[[1,4,[\"zeros(2)\",\"tensor([0., 0.])\"]]]",
                h.query(req("{\"hist_access_type\":\"tail\",\"n\":1,\"output\":true}")).toString());
    }

    @Test void rangeIsHalfOpen() {
        assertEquals("[[1,2,\"x + 1\"],[1,3,\"x + 1\"]]",
                h.query(req("{\"hist_access_type\":\"range\",\"session\":1,\"start\":2,\"stop\":4}")).toString());
    }

    @Test void searchMatchesGlobsAndCanBeUnique() {
        assertEquals(2, h.query(req("{\"hist_access_type\":\"search\",\"pattern\":\"x +*\"}")).size());
        assertEquals("[[1,3,\"x + 1\"]]",
                h.query(req("{\"hist_access_type\":\"search\",\"pattern\":\"x +*\",\"unique\":true}")).toString());
        assertEquals(0, h.query(req("{\"hist_access_type\":\"search\",\"pattern\":\"y*\"}")).size());
    }
}
