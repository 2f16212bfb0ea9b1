package dev.nnsh.ops;

/** The four recurrences PyTorch implements, with the number of gates each stacks into its weights. */
public enum RecurrentKind {
    RNN_TANH(1), RNN_RELU(1), LSTM(4), GRU(3);

    private final int gates;

    RecurrentKind(int gates) { this.gates = gates; }

    /** Rows of {@code weight_ih}/{@code weight_hh} per hidden unit: 4 for LSTM (i, f, g, o), 3 for GRU (r, z, n). */
    public int gates() { return gates; }

    public boolean hasCellState() { return this == LSTM; }

    /** The Elman RNN for PyTorch's {@code nonlinearity} argument. */
    public static RecurrentKind rnn(String who, String nonlinearity) {
        if ("tanh".equals(nonlinearity)) return RNN_TANH;
        if ("relu".equals(nonlinearity)) return RNN_RELU;
        throw new IllegalArgumentException(who + ": nonlinearity must be 'tanh' or 'relu', got '" + nonlinearity + "'");
    }

    public String nonlinearity() { return this == RNN_RELU ? "relu" : "tanh"; }
}
