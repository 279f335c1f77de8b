package rxlsp.mcl.check;

import rxlsp.text.DiagnosticCodes;
import rxlsp.text.DidYouMean;
import java.util.List;
import java.util.Optional;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.ResourceKind;
import rxlsp.mcl.catalog.ResourceParam;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/**
 * {@code Kind1[a].out -> Kind2[b].in}, checked as mgmt's {@code StmtEdge.TypeCheck} does: both kinds must exist, the
 * first be Sendable and send {@code out}, the second be Recvable with a param {@code in}, and the two compatible:
 * mgmt accepts anything sent from a pointer field or into a pointer or interface field, and otherwise compares Go
 * kinds, approximated here by the MCL types.
 */
final class SendRecvCheck {
    private final Stmt.SendRecv sr;
    private final Catalog catalog;
    private final List<Diagnostic> out;

    SendRecvCheck(Stmt.SendRecv sr, Catalog catalog, List<Diagnostic> out) {
        this.sr = sr;
        this.catalog = catalog;
        this.out = out;
    }

    void run() {
        String fromKind = ResourceChecks.kindOf(sr.from());
        String toKind = ResourceChecks.kindOf(sr.to());
        Optional<ResourceKind> from = known(sr.from(), fromKind);
        Optional<ResourceKind> to = known(sr.to(), toKind);
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        String sendType = sender(from.get());
        ResourceParam receiver = receiver(to.get());
        if (sendType == null || receiver == null || receiver.type() == null) {
            return;
        }
        boolean loose = !catalog.sendsByValue(fromKind, sr.sendField())
                || catalog.goType(toKind, sr.recvField()).map(t -> t.startsWith("*") || t.equals("interface{}")).orElse(true);
        if (!loose && !sendType.equals(receiver.type()) && !sendType.equals("variant") && !receiver.type().equals("variant")) {
            out.add(error(sr.range(), DiagnosticCodes.MCL_SEND_RECV_TYPE_MISMATCH, "cannot send `" + fromKind + "." + sr.sendField() + "` ("
                    + sendType + ") to `" + toKind + "." + sr.recvField() + "` (" + receiver.type() + ")"));
        }
    }

    private Optional<ResourceKind> known(Stmt.EdgeHalf half, String kind) {
        Optional<ResourceKind> k = catalog.resource(kind);
        if (k.isEmpty()) {
            List<String> capitalised = ResourceChecks.kindNames(catalog).stream().map(ResourceChecks::capitalise).toList();
            out.add(error(ResourceChecks.kindRange(half), DiagnosticCodes.MCL_UNKNOWN_RESOURCE_KIND, "unknown resource kind `" + kind + "`"
                    + DidYouMean.hint(half.kind(), capitalised, "")));
        }
        return k;
    }

    /** The MCL type of the send field, or null when it cannot be judged or is wrong (then reported). */
    private String sender(ResourceKind kind) {
        if (kind.traits().isEmpty()) {
            return null; // known only from mgmt's docs JSON: no trait facts
        }
        if (!kind.canSend()) {
            out.add(error(ResourceChecks.kindRange(sr.from()), DiagnosticCodes.MCL_CANNOT_SEND, "`" + kind.kind() + "` resources cannot send values"));
            return null;
        }
        String type = kind.sendFields().get(sr.sendField());
        if (type == null) {
            out.add(error(sendFieldRange(), DiagnosticCodes.MCL_UNKNOWN_SEND_FIELD, "`" + kind.kind() + "` does not send `" + sr.sendField() + "`; it sends "
                    + String.join(", ", kind.sendFields().keySet().stream().map(f -> "`" + f + "`").toList())
                    + DidYouMean.hint(sr.sendField(), kind.sendFields().keySet(), "")));
        }
        return type;
    }

    private ResourceParam receiver(ResourceKind kind) {
        if (!kind.traits().isEmpty() && !kind.canReceive()) {
            out.add(error(ResourceChecks.kindRange(sr.to()), DiagnosticCodes.MCL_CANNOT_RECEIVE, "`" + kind.kind() + "` resources cannot receive values"));
            return null;
        }
        ResourceParam p = kind.params().get(sr.recvField());
        if (p == null) {
            out.add(error(recvFieldRange(), DiagnosticCodes.MCL_UNKNOWN_PARAM, "`" + kind.kind() + "` has no param `" + sr.recvField() + "` to receive into"
                    + DidYouMean.hint(sr.recvField(), kind.params().keySet(), "")));
        }
        return p;
    }

    /** {@code .field} follows the sender's closing bracket. */
    private TextRange sendFieldRange() {
        int start = Math.min(sr.from().range().end() + 1, sr.range().end());
        return new TextRange(start, Math.min(start + sr.sendField().length(), sr.range().end()));
    }

    /** The receiving field is the statement's last token. */
    private TextRange recvFieldRange() {
        return new TextRange(Math.max(sr.range().start(), sr.range().end() - sr.recvField().length()), sr.range().end());
    }

    private static Diagnostic error(TextRange where, String code, String message) {
        return Diagnostic.error(where, "mcl", ResourceChecks.TYPE, code, message);
    }
}
