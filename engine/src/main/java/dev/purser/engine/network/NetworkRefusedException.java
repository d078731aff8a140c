package dev.purser.engine.network;

/** A network request refused with Docker's words; {@link #reason()} says which kind, for the API's status. */
public final class NetworkRefusedException extends RuntimeException {
    /**
     * Docker answers these with 409, 403, 403 and 400; an address or an endpoint name taken with
     * 403, a connect or disconnect Docker does not type (the container is not on the network) with 500.
     */
    public enum Reason { DUPLICATE_NAME, OVERLAPPING_SUBNET, ACTIVE_ENDPOINTS, INVALID, ADDRESS_IN_USE, ENDPOINT_EXISTS, NOT_CONNECTED }

    private final Reason reason;

    public NetworkRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
