package io.qswarm.environments.toytext;

import io.qswarm.environments.Action;
import io.qswarm.environments.Transition;
import java.util.List;

/**
 * Gymnasium's {@code CliffWalking-v1} with its default {@code is_slippery=False} (Sutton and Barto, Example 6.6).
 *
 * <p>A 4x12 grid, state {@code row * 12 + col}; start 36 (row 3, col 0), goal 47 (row 3, col 11), cliff on row 3,
 * cols 1..10. Actions 0 up, 1 right, 2 down, 3 left; moves are clamped at the border. Every step costs -1 and entering
 * the goal terminates; stepping into the cliff costs -100 and puts the agent back on the start <em>without</em>
 * terminating. The goal's own row of {@code P} is not absorbing (Gymnasium computes it like any other cell), but an
 * episode never steps from it. The registration has no time limit; {@link #CliffWalkingEnvironment(int)} adds one.
 *
 * <p>The slippery variant ({@code CliffWalkingSlippery-v1}: intended direction or either perpendicular, 1/3 each, in
 * the order {@code (a - 1) mod 4, a, (a + 1) mod 4}) is available through {@link #slippery(int)}.
 */
public final class CliffWalkingEnvironment extends ToyTextEnvironment {

    public static final int ROWS = 4;
    public static final int COLS = 12;
    public static final int START = 36;
    public static final int GOAL = 47;

    public static final int UP = 0;
    public static final int RIGHT = 1;
    public static final int DOWN = 2;
    public static final int LEFT = 3;

    private static final int[][] DELTAS = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};

    private static final List<Action> ACTIONS =
            List.of(Action.free("up"), Action.free("right"), Action.free("down"), Action.free("left"));

    /** {@code gym.make("CliffWalking-v1")}: no time limit. */
    public CliffWalkingEnvironment() {
        this(0);
    }

    /** CliffWalking-v1 truncated after {@code timeLimit} steps (0 for none). */
    public CliffWalkingEnvironment(int timeLimit) {
        this("CliffWalking-v1", false, timeLimit);
    }

    private CliffWalkingEnvironment(String name, boolean slippery, int timeLimit) {
        super(name, ACTIONS, buildTable(slippery), initialStates(), timeLimit);
    }

    /** {@code gym.make("CliffWalkingSlippery-v1")} with an optional time limit (0 for none). */
    public static CliffWalkingEnvironment slippery(int timeLimit) {
        return new CliffWalkingEnvironment("CliffWalkingSlippery-v1", true, timeLimit);
    }

    public static boolean isCliff(int state) {
        int row = state / COLS;
        int col = state % COLS;
        return row == ROWS - 1 && col >= 1 && col <= COLS - 2;
    }

    private static double[] initialStates() {
        double[] distribution = new double[ROWS * COLS];
        distribution[START] = 1.0;
        return distribution;
    }

    private static List<List<List<Transition>>> buildTable(boolean slippery) {
        List<List<List<Transition>>> table = emptyTable(ROWS * COLS, ACTIONS.size());
        for (int s = 0; s < ROWS * COLS; s++) {
            for (int a = 0; a < ACTIONS.size(); a++) {
                List<Transition> list = table.get(s).get(a);
                if (slippery) {
                    for (int b : new int[] {Math.floorMod(a - 1, 4), a, Math.floorMod(a + 1, 4)}) {
                        list.add(move(s, b, 1.0 / 3.0));
                    }
                } else {
                    list.add(move(s, a, 1.0));
                }
            }
        }
        return table;
    }

    /** Gymnasium's {@code _calculate_transition_prob} for one direction. */
    private static Transition move(int state, int direction, double probability) {
        int row = Math.max(0, Math.min(state / COLS + DELTAS[direction][0], ROWS - 1));
        int col = Math.max(0, Math.min(state % COLS + DELTAS[direction][1], COLS - 1));
        int next = row * COLS + col;
        if (isCliff(next)) {
            return new Transition(probability, START, -100, false);
        }
        return new Transition(probability, next, -1, next == GOAL);
    }
}
