package rxlsp.mcl.catalog;

import java.io.IOException;

/** The {@code mgmt docs generate} JSON could not be read or does not have the expected shape. */
public final class MgmtDocsException extends IOException {
    public MgmtDocsException(String message) {
        super(message);
    }

    public MgmtDocsException(String message, Throwable cause) {
        super(message, cause);
    }
}
