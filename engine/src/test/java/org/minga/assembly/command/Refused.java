package org.minga.assembly.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.minga.assembly.api.RefusedException;
import org.minga.assembly.api.Refusal;

/** Matches a refusal by its stable code, the thing clients and the catalogue's refusal words rely on. */
final class Refused extends TypeSafeMatcher<RefusedException> {

    private final Refusal refusal;

    private Refused(Refusal refusal) {
        this.refusal = refusal;
    }

    static Matcher<RefusedException> with(Refusal refusal) {
        return new Refused(refusal);
    }

    @Override
    protected boolean matchesSafely(RefusedException exception) {
        return exception.refusal() == refusal;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a refusal with code ").appendValue(refusal.code());
    }

    @Override
    protected void describeMismatchSafely(RefusedException exception, Description mismatch) {
        mismatch.appendText("was refused with ").appendValue(exception.code()).appendText(": " + exception.getMessage());
    }
}
