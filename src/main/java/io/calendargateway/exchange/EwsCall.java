package io.calendargateway.exchange;

import microsoft.exchange.webservices.data.core.ExchangeService;

/** Work done with a lent {@link ExchangeService}; it must not keep the service beyond the call. */
@FunctionalInterface
public interface EwsCall<T> {

    T call(ExchangeService service) throws Exception;
}
