package io.qswarm.environments.toytext;

import io.qswarm.environments.Action;
import io.qswarm.environments.Transition;
import java.util.List;

/**
 * Gymnasium's {@code FrozenLake-v1} (4x4) and {@code FrozenLake8x8-v1} with their default options
 * ({@code success_rate=1/3}, {@code reward_schedule=(1, 0, 0)}).
 *
 * <p>State {@code row * ncol + col}; actions 0 left, 1 down, 2 right, 3 up; moves are clamped at the border. On a
 * slippery lake the agent moves, with probability 1/3 each, in the directions {@code (a - 1) mod 4}, {@code a} and
 * {@code (a + 1) mod 4}, listed in that order (three entries even when two lead to the same cell). Entering {@code G}
 * gives reward 1 and terminates; entering a hole {@code H} gives 0 and terminates; every other move gives 0. Holes and
 * the goal are absorbing in {@code P} ({@code (1.0, s, 0, True)} for every action). Episodes start at {@code S}.
 *
 * <p>Time limits are those of the Gymnasium registrations: 100 steps for {@code FrozenLake-v1} (4x4) and 200 for
 * {@code FrozenLake8x8-v1}. (Note: {@code gym.make("FrozenLake-v1", map_name="8x8")} would keep the 100-step limit of
 * the {@code FrozenLake-v1} registration; use {@link #of(String, boolean, int)} for that variant.)
 */
public final class FrozenLakeEnvironment extends ToyTextEnvironment {

    public static final int LEFT = 0;
    public static final int DOWN = 1;
    public static final int RIGHT = 2;
    public static final int UP = 3;

    public static final List<String> MAP_4X4 = List.of("SFFF", "FHFH", "FFFH", "HFFG");
    public static final List<String> MAP_8X8 =
            List.of("SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG");

    /** Gymnasium's default {@code success_rate}: the probability of moving in the intended direction. */
    public static final double SUCCESS_RATE = 1.0 / 3.0;
    /** Gymnasium's {@code fail_rate = (1 - success_rate) / 2}, as a double (0.33333333333333337, not 1/3). */
    public static final double FAIL_RATE = (1.0 - SUCCESS_RATE) / 2.0;

    public static final int TIME_LIMIT_4X4 = 100;
    public static final int TIME_LIMIT_8X8 = 200;

    private static final List<Action> ACTIONS =
            List.of(Action.free("left"), Action.free("down"), Action.free("right"), Action.free("up"));

    private final List<String> map;
    private final boolean slippery;

    private FrozenLakeEnvironment(String name, List<String> map, boolean slippery, int timeLimit) {
        super(name, ACTIONS, buildTable(map, slippery), initialStates(map), timeLimit);
        this.map = List.copyOf(map);
        this.slippery = slippery;
    }

    /** {@code gym.make("FrozenLake-v1", is_slippery=slippery)}: the 4x4 map, 100-step limit. */
    public static FrozenLakeEnvironment fourByFour(boolean slippery) {
        return new FrozenLakeEnvironment(name("FrozenLake-v1", slippery), MAP_4X4, slippery, TIME_LIMIT_4X4);
    }

    /** {@code gym.make("FrozenLake8x8-v1", is_slippery=slippery)}: the 8x8 map, 200-step limit. */
    public static FrozenLakeEnvironment eightByEight(boolean slippery) {
        return new FrozenLakeEnvironment(name("FrozenLake8x8-v1", slippery), MAP_8X8, slippery, TIME_LIMIT_8X8);
    }

    /**
     * A lake of a standard map ({@code "4x4"} or {@code "8x8"}) with an explicit time limit (0 for none).
     *
     * @throws IllegalArgumentException for an unknown map name
     */
    public static FrozenLakeEnvironment of(String mapName, boolean slippery, int timeLimit) {
        List<String> map =
                switch (mapName) {
                    case "4x4" -> MAP_4X4;
                    case "8x8" -> MAP_8X8;
                    default -> throw new IllegalArgumentException(
                            "FrozenLake map_name must be 4x4 or 8x8, was " + mapName);
                };
        String base = "FrozenLake-v1[map_name=" + mapName + ",max_episode_steps=" + timeLimit + "]";
        return new FrozenLakeEnvironment(name(base, slippery), map, slippery, timeLimit);
    }

    private static String name(String base, boolean slippery) {
        return slippery ? base : base + "-not-slippery";
    }

    public List<String> map() {
        return map;
    }

    public boolean slippery() {
        return slippery;
    }

    /** The map letter of a state: S, F, H or G. */
    public char cell(int state) {
        int cols = map.get(0).length();
        return map.get(state / cols).charAt(state % cols);
    }

    /** The goal state (the single {@code G}). */
    public int goal() {
        int cols = map.get(0).length();
        for (int s = 0; s < stateCount(); s++) {
            if (map.get(s / cols).charAt(s % cols) == 'G') {
                return s;
            }
        }
        throw new IllegalStateException("map has no goal");
    }

    private static double[] initialStates(List<String> map) {
        int rows = map.size();
        int cols = map.get(0).length();
        double[] distribution = new double[rows * cols];
        int starts = 0;
        for (int s = 0; s < distribution.length; s++) {
            if (map.get(s / cols).charAt(s % cols) == 'S') {
                distribution[s] = 1;
                starts++;
            }
        }
        for (int s = 0; s < distribution.length; s++) {
            distribution[s] /= starts;
        }
        return distribution;
    }

    private static List<List<List<Transition>>> buildTable(List<String> map, boolean slippery) {
        int rows = map.size();
        int cols = map.get(0).length();
        List<List<List<Transition>>> table = emptyTable(rows * cols, ACTIONS.size());
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                int s = row * cols + col;
                char letter = map.get(row).charAt(col);
                for (int a = 0; a < ACTIONS.size(); a++) {
                    List<Transition> list = table.get(s).get(a);
                    if (letter == 'G' || letter == 'H') {
                        list.add(new Transition(1.0, s, 0, true));
                    } else if (slippery) {
                        for (int b : new int[] {Math.floorMod(a - 1, 4), a, Math.floorMod(a + 1, 4)}) {
                            list.add(move(map, row, col, b, b == a ? SUCCESS_RATE : FAIL_RATE));
                        }
                    } else {
                        list.add(move(map, row, col, a, 1.0));
                    }
                }
            }
        }
        return table;
    }

    /** Gymnasium's {@code update_probability_matrix}. */
    private static Transition move(List<String> map, int row, int col, int direction, double probability) {
        int rows = map.size();
        int cols = map.get(0).length();
        switch (direction) {
            case LEFT -> col = Math.max(col - 1, 0);
            case DOWN -> row = Math.min(row + 1, rows - 1);
            case RIGHT -> col = Math.min(col + 1, cols - 1);
            case UP -> row = Math.max(row - 1, 0);
            default -> throw new IllegalArgumentException("direction " + direction);
        }
        char letter = map.get(row).charAt(col);
        return new Transition(probability, row * cols + col, letter == 'G' ? 1.0 : 0.0, letter == 'G' || letter == 'H');
    }
}
