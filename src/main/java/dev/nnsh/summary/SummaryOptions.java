package dev.nnsh.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * Everything {@code summary} can be asked, as torchinfo's keyword arguments; fluent setters check
 * their value at once and name the option in the error.
 */
public final class SummaryOptions {
    /** Which mode the network runs in during the pass; its own modes are restored afterwards. */
    public enum Mode { TRAIN, EVAL, SAME }

    private final List<long[]> inputSizes = new ArrayList<>();
    private Tensor[] inputData;
    private Integer batchDim;
    private List<Column> columns;
    private int colWidth = 25;
    private int depth = 3;
    private DType[] dtypes;
    private Mode mode = Mode.SAME;
    private Set<RowSetting> rowSettings = EnumSet.of(RowSetting.DEPTH);
    private int verbose = 1;
    private boolean realForward;

    /** The size of one input, batch included; call once per input of a multi-input network. */
    public SummaryOptions inputSize(long... size) {
        if (size == null || size.length == 0) throw new IllegalArgumentException("inputSize: give at least one size");
        for (long s : size) {
            if (s <= 0) throw new IllegalArgumentException("inputSize: sizes must be positive, got " + Shapes.format(size));
        }
        inputSizes.add(size.clone());
        return this;
    }

    /** Real input tensors, one per input: the pass is a real forward pass. */
    public SummaryOptions inputData(Tensor... data) {
        if (data == null || data.length == 0) throw new IllegalArgumentException("inputData: give at least one tensor");
        for (int i = 0; i < data.length; i++) {
            if (data[i] == null) throw new IllegalArgumentException("inputData: tensor " + i + " is null");
        }
        inputData = data.clone();
        return this;
    }

    /**
     * The sizes leave out the batch dimension, which goes at this position with size 1 (torchinfo's
     * {@code batch_dim}); applies to sizes, not to given data.
     */
    public SummaryOptions batchDim(int dim) {
        if (dim < 0) throw new IllegalArgumentException("batchDim: must be >= 0, got " + dim);
        batchDim = dim;
        return this;
    }

    public SummaryOptions columns(String... keys) {
        List<Column> cols = new ArrayList<>();
        for (String k : keys) cols.add(Column.of(k));
        return columns(cols.toArray(new Column[0]));
    }

    public SummaryOptions columns(Column... cols) {
        if (cols.length == 0) throw new IllegalArgumentException("columns: give at least one column");
        Set<Column> distinct = new LinkedHashSet<>(Arrays.asList(cols));
        if (distinct.contains(null)) throw new IllegalArgumentException("columns: a column is null");
        if (distinct.size() != cols.length) throw new IllegalArgumentException("columns: a column is listed twice in " + Arrays.toString(cols));
        columns = List.copyOf(distinct);
        return this;
    }

    public SummaryOptions colWidth(int width) {
        if (width <= 0) throw new IllegalArgumentException("colWidth: must be > 0, got " + width);
        colWidth = width;
        return this;
    }

    public SummaryOptions depth(int maxDepth) {
        if (maxDepth < 0) throw new IllegalArgumentException("depth: must be >= 0, got " + maxDepth);
        depth = maxDepth;
        return this;
    }

    /** Element types of the inputs made from sizes, one per input (default float32). */
    public SummaryOptions dtypes(DType... types) {
        if (types.length == 0 || Arrays.asList(types).contains(null)) {
            throw new IllegalArgumentException("dtypes: give one non-null dtype per input");
        }
        dtypes = types.clone();
        return this;
    }

    /** {@code "train"}, {@code "eval"} or {@code "same"} (the default: keep the network's modes). */
    public SummaryOptions mode(String name) {
        try {
            mode = Mode.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("mode: must be \"train\", \"eval\" or \"same\", got \"" + name + "\"");
        }
        return this;
    }

    public SummaryOptions mode(Mode m) {
        if (m == null) throw new IllegalArgumentException("mode: is null");
        mode = m;
        return this;
    }

    /** No row settings: names show the type only. */
    public SummaryOptions rowSettings() {
        rowSettings = EnumSet.noneOf(RowSetting.class);
        return this;
    }

    /** Replaces the row settings (default: {@code depth} only). */
    public SummaryOptions rowSettings(String... keys) {
        List<RowSetting> settings = new ArrayList<>();
        for (String k : keys) settings.add(RowSetting.of(k));
        return rowSettings(settings.toArray(new RowSetting[0]));
    }

    public SummaryOptions rowSettings(RowSetting... settings) {
        Set<RowSetting> set = EnumSet.noneOf(RowSetting.class);
        for (RowSetting s : settings) {
            if (s == null) throw new IllegalArgumentException("rowSettings: a setting is null");
            set.add(s);
        }
        rowSettings = set;
        return this;
    }

    /** 0: print nothing; 1: the table (default); 2: the table with one sub-row per parameter. */
    public SummaryOptions verbose(int level) {
        if (level < 0 || level > 2) throw new IllegalArgumentException("verbose: must be 0, 1 or 2, got " + level);
        verbose = level;
        return this;
    }

    /** With sizes only: run a real pass on random data (zeros for integer dtypes) instead of a shape-only one. */
    public SummaryOptions realForward(boolean on) {
        realForward = on;
        return this;
    }

    // ---------------------------------------------------------------- read by the summary

    List<long[]> inputSizes() { return inputSizes; }

    Tensor[] inputData() { return inputData; }

    Integer batchDim() { return batchDim; }

    boolean hasInput() { return inputData != null || !inputSizes.isEmpty(); }

    /** The user's columns, else torchinfo's default: output size and params with input, params only without. */
    List<Column> columnList() {
        if (columns != null) return columns;
        return hasInput() ? List.of(Column.OUTPUT_SIZE, Column.NUM_PARAMS) : List.of(Column.NUM_PARAMS);
    }

    int colWidth() { return colWidth; }

    int depth() { return depth; }

    DType[] dtypes() { return dtypes; }

    Mode mode() { return mode; }

    Set<RowSetting> rowSettingSet() { return rowSettings; }

    int verbose() { return verbose; }

    boolean realForward() { return realForward; }

    /** Checks the options that depend on each other; called when the summary starts. */
    void validate() {
        if (inputData != null && !inputSizes.isEmpty()) {
            throw new IllegalArgumentException("inputSize/inputData: give one of them, not both");
        }
        if (!hasInput()) {
            for (Column c : columnList()) {
                if (c.needsForwardPass()) {
                    throw new IllegalArgumentException("columns: \"" + c.key() + "\" needs inputSize or inputData");
                }
            }
        }
        if (dtypes != null) {
            int inputs = inputData != null ? inputData.length : inputSizes.size();
            if (inputData != null) throw new IllegalArgumentException("dtypes: applies to inputSize, not to inputData (its tensors have their own dtypes)");
            if (dtypes.length != inputs) {
                throw new IllegalArgumentException("dtypes: " + dtypes.length + " dtype(s) for " + inputs + " input(s)");
            }
        }
        if (batchDim != null) {
            for (long[] size : inputSizes) {
                if (batchDim > size.length) {
                    throw new IllegalArgumentException("batchDim: " + batchDim + " is out of range for input size " + Shapes.format(size)
                            + " (at most " + size.length + ")");
                }
            }
        }
    }
}
