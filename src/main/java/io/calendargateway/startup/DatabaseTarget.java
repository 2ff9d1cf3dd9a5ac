package io.calendargateway.startup;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * The PostgreSQL the gateway is configured for, and what to tell an operator when it cannot be used: one line
 * naming host, database and user (never the password) with what to change.
 */
record DatabaseTarget(String host, int port, String name, String user) {

    /** One line for a failed connection attempt. */
    String explain(SQLException failure) {
        String where = "PostgreSQL at " + host + ":" + port;
        String state = sqlState(failure);
        if ("28000".equals(state) && message(failure).contains("role")) {
            return where + " has no role \"" + user + "\" (database " + name + "): create it (createuser --pwprompt "
                    + user + ") or set DB_USER and DB_PASSWORD";
        }
        if ("28P01".equals(state)) {
            return where + " refused the password of user \"" + user + "\" (database " + name + "): check DB_PASSWORD";
        }
        if ("3D000".equals(state)) {
            return where + " has no database \"" + name + "\" (user " + user + "): create it (createdb --owner " + user
                    + " " + name + ") or set DB_NAME";
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)
                || state != null && state.startsWith("08")) {
            return where + " does not answer (database " + name + ", user " + user + "): start it, or set DB_HOST and "
                    + "DB_PORT; see the README, 'Running without compose'";
        }
        return where + " refused the connection (database " + name + ", user " + user + "): " + message(failure);
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + name + " as " + user;
    }

    private static String sqlState(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The driver's first line, without the "Detail:" or location lines that may follow. */
    private static String message(SQLException failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return text.lines().findFirst().orElse(text).strip();
    }
}
