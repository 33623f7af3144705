package org.baokao.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A state machine's table: which state may follow which. A state enum keeps one, e.g.
 * {@code Transitions.of(Status.class).allow(PENDING, APPROVED, REJECTED)}, and asks it before every change; a state
 * without an entry is final.
 */
public final class Transitions<S extends Enum<S>> {

    private final Class<S> states;
    private final Map<S, Set<S>> next;

    private Transitions(Class<S> states, Map<S, Set<S>> next) {
        this.states = states;
        this.next = next;
    }

    public static <S extends Enum<S>> Transitions<S> of(Class<S> states) {
        return new Transitions<>(states, Map.of());
    }

    /** {@code from} may become each of {@code to}. */
    @SafeVarargs
    public final Transitions<S> allow(S from, S... to) {
        Map<S, Set<S>> more = new EnumMap<>(states);
        more.putAll(next);
        Set<S> targets = EnumSet.noneOf(states);
        targets.addAll(next.getOrDefault(from, Set.of()));
        targets.addAll(java.util.List.of(to));
        more.put(from, Collections.unmodifiableSet(targets));
        return new Transitions<>(states, Collections.unmodifiableMap(more));
    }

    public boolean allows(S from, S to) {
        return next.getOrDefault(from, Set.of()).contains(to);
    }

    /** The states {@code from} may become; empty for a final state. */
    public Set<S> from(S from) {
        Set<S> targets = next.get(from);
        return targets == null ? EnumSet.noneOf(states) : EnumSet.copyOf(targets);
    }

    public boolean isFinal(S state) {
        return from(state).isEmpty();
    }
}
