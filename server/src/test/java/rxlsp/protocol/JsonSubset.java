package rxlsp.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Subset matching of JSON values, the comparison of transcript expectations: every member an
 * expected object names must be present in the actual object with a matching value (members it
 * does not name may be anything); arrays must have the same length and match element by element;
 * {@code null}, strings and booleans must be equal; numbers must be numerically equal (1 = 1.0).
 */
final class JsonSubset {
    private JsonSubset() {
    }

    /** @return the first difference, as {@code path: explanation}, or empty when {@code actual} matches */
    static Optional<String> mismatch(JsonElement expected, JsonElement actual) {
        return mismatch("$", expected, actual);
    }

    private static Optional<String> mismatch(String path, JsonElement expected, JsonElement actual) {
        if (actual == null) {
            return Optional.of(path + ": missing, expected " + expected);
        }
        if (expected.isJsonObject()) {
            if (!actual.isJsonObject()) {
                return Optional.of(path + ": expected an object, got " + actual);
            }
            JsonObject a = actual.getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : expected.getAsJsonObject().entrySet()) {
                Optional<String> m = mismatch(path + "." + e.getKey(), e.getValue(), a.get(e.getKey()));
                if (m.isPresent()) {
                    return m;
                }
            }
            return Optional.empty();
        }
        if (expected.isJsonArray()) {
            if (!actual.isJsonArray()) {
                return Optional.of(path + ": expected an array, got " + actual);
            }
            JsonArray e = expected.getAsJsonArray();
            JsonArray a = actual.getAsJsonArray();
            if (e.size() != a.size()) {
                return Optional.of(path + ": expected " + e.size() + " elements, got " + a.size() + ": " + a);
            }
            for (int i = 0; i < e.size(); i++) {
                Optional<String> m = mismatch(path + "[" + i + "]", e.get(i), a.get(i));
                if (m.isPresent()) {
                    return m;
                }
            }
            return Optional.empty();
        }
        if (expected.isJsonNull()) {
            return actual.isJsonNull() ? Optional.empty() : Optional.of(path + ": expected null, got " + actual);
        }
        JsonPrimitive e = expected.getAsJsonPrimitive();
        if (!actual.isJsonPrimitive()) {
            return Optional.of(path + ": expected " + e + ", got " + actual);
        }
        JsonPrimitive a = actual.getAsJsonPrimitive();
        boolean equal;
        if (e.isNumber() && a.isNumber()) {
            equal = new BigDecimal(e.getAsString()).compareTo(new BigDecimal(a.getAsString())) == 0;
        } else if (e.isNumber() || a.isNumber() || e.isBoolean() != a.isBoolean()) {
            equal = false; // 1 never matches "1", true never matches "true"
        } else {
            equal = e.getAsString().equals(a.getAsString());
        }
        return equal ? Optional.empty() : Optional.of(path + ": expected " + e + ", got " + a);
    }
}
