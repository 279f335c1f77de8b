package rxlsp.embed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** Go's string order ({@code sort.Strings}): by UTF-8 bytes, which differs from Java's UTF-16 order. */
final class ByteOrder {
    static final Comparator<String> UTF8 = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private ByteOrder() {
    }
}
