package io.github.juhesms.test.fake;

import org.jspecify.annotations.Nullable;

/**
 * A request the fake server received, answered or not, and whose key it carried.
 *
 * @param endpoint the endpoint called
 * @param account the account holding the request's {@code key}, whichever product that
 * key is for ({@code default} for the server's own keys); {@code null} when no account
 * has it or the request carried none. A key of another product is attributed all the
 * same, though answered 10001: accounts never share a key, so the owner is never in
 * doubt.
 */
public record ReceivedRequest(JuheEndpoint endpoint, @Nullable String account) {

}
