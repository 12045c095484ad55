package io.qswarm.environments.routing;

import io.qswarm.environments.Action;
import io.qswarm.environments.Environment;
import io.qswarm.environments.Sampling;
import io.qswarm.environments.Step;
import io.qswarm.environments.TabularModel;
import io.qswarm.environments.Transition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Routing one user query. An episode is one query, handled in up to {@link RoutingModel#maxTurns()} turns: every
 * answering route ({@code direct_answer}, {@code context_answer}, {@code consult_peer}, {@code escalate}) closes the
 * query (terminated); {@code request_clarification} asks the user and, with probability
 * {@code clarificationSuccess}, makes the context one bucket richer for the next turn. The episode is truncated after
 * {@code maxTurns} turns.
 *
 * <p>State {@code (type * 3 + complexity) * 3 + context} (36 states), key e.g. {@code troubleshooting|high|none}.
 * Actions in index order: 0 direct_answer (base cost 0.0), 1 context_answer (0.1), 2 request_clarification (0.2),
 * 3 consult_peer (0.3), 4 escalate (0.5).
 *
 * <p>Reward components, which sum to the reward:
 *
 * <ul>
 *   <li>{@code resolution}: {@code resolvedReward} (+1) or {@code unresolvedReward} (-1) for an answering route, drawn
 *       with the route's {@link Route#resolutionProbability}; 0 for a clarification;
 *   <li>{@code rating}: the user's stars, {@code ratingWeight * (stars - 3) / 2}: a resolved query gets 5 stars with
 *       probability {@link RoutingModel#fiveStarShare} (0.9 - 0.01 * latency seconds, within [0.1, 0.9]) else 4; an
 *       unresolved one 2 stars with probability 0.3 else 1; a clarification gets {@code annoyancePenalty} when the
 *       context was already rich, else 0;
 *   <li>{@code latency}: {@code -latencyPerSecond * latencySeconds} of the route;
 *   <li>{@code consultation}: minus the route's base cost.
 * </ul>
 *
 * <p>The dynamics are exposed as a {@link TabularModel}: an answering route lists the four outcomes (resolved 5/4
 * stars, unresolved 2/1 stars), all terminal with next state = the same state; a clarification lists "answered"
 * (richer context) and "not answered" (same state), non-terminal. {@link #step} samples exactly these lists.
 */
public final class RoutingEnvironment implements Environment, TabularModel {

    public static final String NAME = "QueryRouting-v0";

    private static final int COMPLEXITIES = Complexity.values().length;
    private static final int CONTEXTS = ContextBucket.values().length;
    private static final int STATES = QueryType.values().length * COMPLEXITIES * CONTEXTS;

    private final RoutingModel model;
    private final List<Action> actions;
    private final List<List<List<Outcome>>> outcomes;
    private final List<List<List<Transition>>> transitions;
    private final double[] initialStateDistribution;

    private int state = -1;
    private int turns;
    private boolean episodeOver = true;

    /** One possible result of a route, with its reward broken into components. */
    record Outcome(double probability, int nextState, boolean terminal, Map<String, Double> components) {

        double reward() {
            return components.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    public RoutingEnvironment() {
        this(RoutingModel.defaults());
    }

    public RoutingEnvironment(RoutingModel model) {
        this.model = model;
        List<Action> list = new ArrayList<>();
        for (Route route : Route.values()) {
            list.add(new Action(route.key(), route.baseCost()));
        }
        this.actions = List.copyOf(list);
        List<List<List<Outcome>>> byState = new ArrayList<>();
        List<List<List<Transition>>> transitionsByState = new ArrayList<>();
        for (int s = 0; s < STATES; s++) {
            List<List<Outcome>> byRoute = new ArrayList<>();
            List<List<Transition>> transitionsByRoute = new ArrayList<>();
            for (Route route : Route.values()) {
                List<Outcome> routeOutcomes = outcomes(s, route);
                byRoute.add(routeOutcomes);
                transitionsByRoute.add(routeOutcomes.stream()
                        .map(o -> new Transition(o.probability(), o.nextState(), o.reward(), o.terminal()))
                        .toList());
            }
            byState.add(List.copyOf(byRoute));
            transitionsByState.add(List.copyOf(transitionsByRoute));
        }
        this.outcomes = List.copyOf(byState);
        this.transitions = List.copyOf(transitionsByState);
        this.initialStateDistribution = new double[STATES];
        for (int s = 0; s < STATES; s++) {
            initialStateDistribution[s] =
                    type(s).share() * complexity(s).share() * context(s).share();
        }
    }

    public static int encode(QueryType type, Complexity complexity, ContextBucket context) {
        return (type.ordinal() * COMPLEXITIES + complexity.ordinal()) * CONTEXTS + context.ordinal();
    }

    public static QueryType type(int state) {
        return QueryType.values()[checked(state) / (COMPLEXITIES * CONTEXTS)];
    }

    public static Complexity complexity(int state) {
        return Complexity.values()[(checked(state) / CONTEXTS) % COMPLEXITIES];
    }

    public static ContextBucket context(int state) {
        return ContextBucket.values()[checked(state) % CONTEXTS];
    }

    public RoutingModel model() {
        return model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int stateCount() {
        return STATES;
    }

    @Override
    public int actionCount() {
        return actions.size();
    }

    @Override
    public List<Action> actions() {
        return actions;
    }

    @Override
    public OptionalInt timeLimit() {
        return OptionalInt.of(model.maxTurns());
    }

    @Override
    public List<Transition> transitions(int state, int action) {
        checked(state);
        checkAction(action);
        return transitions.get(state).get(action);
    }

    @Override
    public double[] initialStateDistribution() {
        return initialStateDistribution.clone();
    }

    @Override
    public int reset(RandomGenerator rng) {
        state = Sampling.categorical(initialStateDistribution, rng);
        turns = 0;
        episodeOver = false;
        return state;
    }

    @Override
    public Step step(int action, RandomGenerator rng) {
        if (episodeOver) {
            throw new IllegalStateException(NAME + ": call reset before stepping (no episode is running)");
        }
        checkAction(action);
        List<Outcome> possible = outcomes.get(state).get(action);
        double[] probabilities =
                possible.stream().mapToDouble(Outcome::probability).toArray();
        Outcome outcome = possible.get(Sampling.categorical(probabilities, rng));
        state = outcome.nextState();
        turns++;
        boolean truncated = turns >= model.maxTurns();
        episodeOver = outcome.terminal() || truncated;
        return new Step(outcome.nextState(), outcome.reward(), outcome.terminal(), truncated, outcome.components());
    }

    @Override
    public String stateKey(int state) {
        return type(state).key() + "|" + complexity(state).key() + "|"
                + context(state).key();
    }

    @Override
    public int state() {
        if (state < 0) {
            throw new IllegalStateException(NAME + ": call reset first");
        }
        return state;
    }

    private List<Outcome> outcomes(int state, Route route) {
        QueryType type = type(state);
        Complexity complexity = complexity(state);
        ContextBucket context = context(state);
        double latency = -model.latencyPerSecond() * route.latencySeconds();
        double consultation = -route.baseCost();
        List<Outcome> list = new ArrayList<>(4);
        if (!route.answers()) {
            double rating = context == ContextBucket.RICH ? model.annoyancePenalty() : 0.0;
            Map<String, Double> components = components(0.0, rating, latency, consultation);
            int richer = encode(type, complexity, context.richer());
            list.add(new Outcome(model.clarificationSuccess(), richer, false, components));
            if (model.clarificationSuccess() < 1) {
                list.add(new Outcome(1 - model.clarificationSuccess(), state, false, components));
            }
            return List.copyOf(list);
        }
        double resolved = route.resolutionProbability(type, complexity, context);
        double fiveStars = model.fiveStarShare(route.latencySeconds());
        double twoStars = model.twoStarShare();
        list.add(new Outcome(
                resolved * fiveStars,
                state,
                true,
                components(model.resolvedReward(), stars(5), latency, consultation)));
        list.add(new Outcome(
                resolved * (1 - fiveStars),
                state,
                true,
                components(model.resolvedReward(), stars(4), latency, consultation)));
        list.add(new Outcome(
                (1 - resolved) * twoStars,
                state,
                true,
                components(model.unresolvedReward(), stars(2), latency, consultation)));
        list.add(new Outcome(
                (1 - resolved) * (1 - twoStars),
                state,
                true,
                components(model.unresolvedReward(), stars(1), latency, consultation)));
        return List.copyOf(list);
    }

    private double stars(int stars) {
        return model.ratingWeight() * (stars - 3) / 2.0;
    }

    private static Map<String, Double> components(
            double resolution, double rating, double latency, double consultation) {
        Map<String, Double> components = new LinkedHashMap<>();
        components.put("resolution", resolution);
        components.put("rating", rating);
        components.put("latency", latency);
        components.put("consultation", consultation);
        return Collections.unmodifiableMap(components);
    }

    private static int checked(int state) {
        if (state < 0 || state >= STATES) {
            throw new IllegalArgumentException("routing state must be in [0, " + (STATES - 1) + "], was " + state);
        }
        return state;
    }

    private void checkAction(int action) {
        if (action < 0 || action >= actions.size()) {
            throw new IllegalArgumentException(
                    NAME + ": action must be in [0, " + (actions.size() - 1) + "], was " + action);
        }
    }
}
