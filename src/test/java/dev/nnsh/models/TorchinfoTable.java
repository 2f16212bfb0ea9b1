package dev.nnsh.models;

import dev.nnsh.summary.TorchinfoTables;

/** The table torchinfo printed for the torchvision model (made by tools/torchinfo_zoo_references.py), compared by {@link TorchinfoTables}. */
final class TorchinfoTable {
    private TorchinfoTable() {}

    static void assertMatches(String referenceFile, String actual) {
        TorchinfoTables.assertSame(referenceFile, ZooStructureTest.resource(referenceFile), actual, 1);
    }
}
