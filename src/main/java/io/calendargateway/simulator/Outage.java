package io.calendargateway.simulator;

/** How the simulated server is down. */
public enum Outage {
    /** Nothing listens on the ports: clients get "connection refused". */
    CONNECTION_REFUSED,
    /** Every request gets HTTP 503 Service Unavailable, as a load balancer without healthy backends answers. */
    HTTP_503
}
