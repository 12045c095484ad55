package io.qswarm.environments.toytext;

import io.qswarm.environments.Action;
import io.qswarm.environments.Transition;
import java.util.List;

/**
 * Gymnasium's {@code Taxi-v3} with its default options ({@code is_rainy=False}, {@code fickle_passenger=False}).
 *
 * <pre>
 * +---------+
 * |R: | : :G|      R = (0,0)  G = (0,4)  Y = (4,0)  B = (4,3)
 * | : | : : |      '|' is a wall between two columns, ':' is open
 * | : : : : |
 * | | : | : |
 * |Y| : |B: |
 * +---------+
 * </pre>
 *
 * <p>State {@code ((taxiRow * 5 + taxiCol) * 5 + passengerLocation) * 4 + destination} with passenger location
 * 0 R, 1 G, 2 Y, 3 B, 4 in the taxi, and destination 0..3. Actions 0 south, 1 north, 2 east, 3 west, 4 pickup,
 * 5 dropoff. Every step costs -1; an illegal pickup or dropoff costs -10 (and changes nothing); dropping the passenger
 * at the destination gives +20 and terminates; dropping them at another of the four stops gives -1 and leaves them
 * waiting there. Moving into a wall or the border is a -1 no-op. An episode starts uniformly in one of the 300 states
 * where the passenger waits at a stop other than the destination, and is truncated after 200 steps.
 */
public final class TaxiEnvironment extends ToyTextEnvironment {

    public static final String NAME = "Taxi-v3";
    public static final int STATES = 500;
    public static final int TIME_LIMIT = 200;

    public static final int SOUTH = 0;
    public static final int NORTH = 1;
    public static final int EAST = 2;
    public static final int WEST = 3;
    public static final int PICKUP = 4;
    public static final int DROPOFF = 5;

    /** Passenger location meaning "in the taxi". */
    public static final int IN_TAXI = 4;

    /** Names of the four stops R, G, Y, B, in the order of their passenger-location and destination numbers. */
    public static final List<String> STOP_NAMES = List.of("R", "G", "Y", "B");

    /** How the factored key names a passenger who is in the taxi. */
    public static final String PASSENGER_IN_TAXI = "taxi";

    static final String[] MAP = {
        "+---------+", "|R: | : :G|", "| : | : : |", "| : : : : |", "| | : | : |", "|Y| : |B: |", "+---------+",
    };

    private static final int[][] STOPS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};
    private static final int MAX_ROW = 4;
    private static final int MAX_COL = 4;

    private static final List<Action> ACTIONS = List.of(
            Action.free("south"),
            Action.free("north"),
            Action.free("east"),
            Action.free("west"),
            Action.free("pickup"),
            Action.free("dropoff"));

    /** A decoded Taxi observation. */
    public record TaxiState(int taxiRow, int taxiCol, int passengerLocation, int destination) {

        public TaxiState {
            if (taxiRow < 0 || taxiRow > MAX_ROW || taxiCol < 0 || taxiCol > MAX_COL) {
                throw new IllegalArgumentException(
                        "taxi position must be in the 5x5 grid, was (" + taxiRow + ", " + taxiCol + ")");
            }
            if (passengerLocation < 0 || passengerLocation > IN_TAXI) {
                throw new IllegalArgumentException("passengerLocation must be in [0, 4], was " + passengerLocation);
            }
            if (destination < 0 || destination > 3) {
                throw new IllegalArgumentException("destination must be in [0, 3], was " + destination);
            }
        }

        public int encode() {
            return ((taxiRow * 5 + taxiCol) * 5 + passengerLocation) * 4 + destination;
        }
    }

    public TaxiEnvironment() {
        super(NAME, ACTIONS, buildTable(), initialStates(), TIME_LIMIT);
    }

    public static int encode(int taxiRow, int taxiCol, int passengerLocation, int destination) {
        return new TaxiState(taxiRow, taxiCol, passengerLocation, destination).encode();
    }

    public static TaxiState decode(int state) {
        if (state < 0 || state >= STATES) {
            throw new IllegalArgumentException("Taxi state must be in [0, 499], was " + state);
        }
        int destination = state % 4;
        int rest = state / 4;
        int passenger = rest % 5;
        rest /= 5;
        return new TaxiState(rest / 5, rest % 5, passenger, destination);
    }

    /**
     * The state spelled as its factors (taxi cell, passenger location, destination), for tables that look inside
     * the state: {@code taxi=<row>,<col>|passenger=<R, G, Y, B or taxi>|dest=<R, G, Y or B>}, e.g. state 328 is
     * {@code taxi=3,1|passenger=Y|dest=R}. {@link #stateKey} keeps the Gymnasium observation number.
     */
    public static String factoredKey(int state) {
        TaxiState taxi = decode(state);
        String passenger =
                taxi.passengerLocation() == IN_TAXI ? PASSENGER_IN_TAXI : STOP_NAMES.get(taxi.passengerLocation());
        return "taxi=" + taxi.taxiRow() + "," + taxi.taxiCol() + "|passenger=" + passenger + "|dest="
                + STOP_NAMES.get(taxi.destination());
    }

    private static double[] initialStates() {
        double[] distribution = new double[STATES];
        int count = 0;
        for (int s = 0; s < STATES; s++) {
            TaxiState taxi = decode(s);
            if (taxi.passengerLocation() < IN_TAXI && taxi.passengerLocation() != taxi.destination()) {
                distribution[s] = 1;
                count++;
            }
        }
        for (int s = 0; s < STATES; s++) {
            distribution[s] /= count;
        }
        return distribution;
    }

    private static List<List<List<Transition>>> buildTable() {
        List<List<List<Transition>>> table = emptyTable(STATES, ACTIONS.size());
        for (int s = 0; s < STATES; s++) {
            for (int a = 0; a < ACTIONS.size(); a++) {
                table.get(s).get(a).add(dryTransition(decode(s), a));
            }
        }
        return table;
    }

    /** Gymnasium's {@code _build_dry_transitions}. */
    private static Transition dryTransition(TaxiState from, int action) {
        int row = from.taxiRow();
        int col = from.taxiCol();
        int passenger = from.passengerLocation();
        int newRow = row;
        int newCol = col;
        int newPassenger = passenger;
        double reward = -1;
        boolean terminated = false;
        int stopHere = stopAt(row, col);
        switch (action) {
            case SOUTH -> newRow = Math.min(row + 1, MAX_ROW);
            case NORTH -> newRow = Math.max(row - 1, 0);
            case EAST -> {
                if (MAP[1 + row].charAt(2 * col + 2) == ':') {
                    newCol = Math.min(col + 1, MAX_COL);
                }
            }
            case WEST -> {
                if (MAP[1 + row].charAt(2 * col) == ':') {
                    newCol = Math.max(col - 1, 0);
                }
            }
            case PICKUP -> {
                if (passenger < IN_TAXI && stopHere == passenger) {
                    newPassenger = IN_TAXI;
                } else {
                    reward = -10;
                }
            }
            case DROPOFF -> {
                if (passenger == IN_TAXI && stopHere == from.destination()) {
                    newPassenger = from.destination();
                    terminated = true;
                    reward = 20;
                } else if (passenger == IN_TAXI && stopHere >= 0) {
                    newPassenger = stopHere;
                } else {
                    reward = -10;
                }
            }
            default -> throw new IllegalArgumentException("Taxi action must be in [0, 5], was " + action);
        }
        return new Transition(1.0, encode(newRow, newCol, newPassenger, from.destination()), reward, terminated);
    }

    /** Index of the stop at the position, or -1. */
    private static int stopAt(int row, int col) {
        for (int i = 0; i < STOPS.length; i++) {
            if (STOPS[i][0] == row && STOPS[i][1] == col) {
                return i;
            }
        }
        return -1;
    }
}
