package rxlsp.mcl.grammar;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The base of every MclParser context (the grammar's {@code contextSuperClass}). ANTLR gives each
 * context a child list of the default capacity and grows it by copying; with one context per
 * precedence level, most have one to three children, and the allocation and copying was a fifth of
 * the parse time. A small initial list keeps that cost down; lists that need more grow as usual.
 */
public class MclRuleContext extends ParserRuleContext {
    private static final int CHILDREN = 3;

    public MclRuleContext() {
    }

    public MclRuleContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) {
            children = new ArrayList<>(CHILDREN);
        }
        children.add(t);
        return t;
    }
}
