// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
package mamisguide;

/**
 * A failure reported by libmamisguide: the C status ({@link #getStatus()}: MG_ERR_* negative, or
 * a refusal's code 1-14 where a function refuses without a JSON answer), its name as
 * mg_status_name() spells it ({@link #getCode()}: "io_error", "load_error", "argument_error",
 * "unknown_association", ...) and the library's message, mg_last_error()
 * ({@link #getLastError()}). A refusal of a plan is not an exception: planJson answers it.
 */
public class MamisguideException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String lastError;

    public MamisguideException(int status, String code, String lastError) {
        super(lastError == null || lastError.isEmpty() ? code : code + ": " + lastError);
        this.status = status;
        this.code = code;
        this.lastError = lastError == null ? "" : lastError;
    }

    /** The status of the call that failed, with mg_last_error() of this thread. */
    static MamisguideException fromStatus(int status) {
        return new MamisguideException(status, CApi.string(CApi.mg_status_name(status)),
                CApi.string(CApi.mg_last_error()));
    }

    /** The C status: MG_ERR_* (negative), or a refusal's code. */
    public int getStatus() {
        return status;
    }

    /** The status's name (mg_status_name): "io_error", "load_error", "argument_error", ... */
    public String getCode() {
        return code;
    }

    /** The library's message (mg_last_error() right after the call); "" when it gave none. */
    public String getLastError() {
        return lastError;
    }
}
