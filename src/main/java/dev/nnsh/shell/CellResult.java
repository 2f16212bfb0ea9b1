package dev.nnsh.shell;

/**
 * What running a cell came to. {@code value} is the last snippet's value when it was an
 * expression (else null); {@code message} explains a failure, a stop or a restarted engine.
 */
record CellResult(Status status, String value, String valueType, boolean printed, String message) {
    enum Status { OK, FAILED, STOPPED, ENGINE_DIED }

    static CellResult ok(String value, String valueType, boolean printed) {
        return new CellResult(Status.OK, value, valueType, printed, null);
    }

    static CellResult failed(Status status, String message) {
        return new CellResult(status, null, null, false, message);
    }

    boolean succeeded() {
        return status == Status.OK;
    }
}
