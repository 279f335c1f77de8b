package rxlsp.mcl.format;

/**
 * The printer met something it cannot print exactly (a node mgmt's grammar has no form for, text
 * around a node that is not what the tree implies). The formatter then answers with no result
 * rather than a guess.
 */
final class Unformattable extends RuntimeException {
    Unformattable(String reason) {
        super(reason, null, false, false);
    }
}
