package io.github.juhesms.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on a loopback port that speaks HTTP/1.1 by hand, for answers no well-behaved
 * server (WireMock included) would give: each accepted connection is served on a thread
 * of its own by {@link #serve(Socket)}, and every connection is counted.
 */
public abstract class RawHttpServer implements AutoCloseable {

	/** A Juhe success answer of the international send. */
	public static final String OK = "{\"reason\":\"ok\",\"result\":{\"sid\":\"s1\",\"fee\":1,\"count\":1},"
			+ "\"error_code\":0}";

	private final AtomicInteger connections = new AtomicInteger();

	private final ServerSocket socket;

	/**
	 * Open the port; {@link #start()} begins accepting.
	 * @throws IOException if no port could be opened
	 */
	protected RawHttpServer() throws IOException {
		this.socket = new ServerSocket(0);
	}

	/**
	 * Begin accepting connections, once the subclass is fully built.
	 * @param <S> the server's type
	 * @return this server
	 */
	@SuppressWarnings("unchecked")
	public <S extends RawHttpServer> S start() {
		Thread acceptor = new Thread(this::accept, getClass().getSimpleName());
		acceptor.setDaemon(true);
		acceptor.start();
		return (S) this;
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.socket.getLocalPort();
	}

	/**
	 * The connections accepted so far.
	 * @return the count
	 */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * Serve one connection; the connection is closed when this returns.
	 * @param connection the connection
	 * @throws IOException if the client went away
	 */
	protected abstract void serve(Socket connection) throws IOException;

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				this.connections.incrementAndGet();
				Thread serving = new Thread(() -> {
					try (connection) {
						serve(connection);
					}
					catch (IOException ex) {
						// the client closed the connection
					}
				}, getClass().getSimpleName() + "-connection");
				serving.setDaemon(true);
				serving.start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	/**
	 * Read one request's head and its Content-Length bytes of body.
	 * @param in the connection's input
	 * @return {@code false} if the client closed the connection instead
	 * @throws IOException if reading failed
	 */
	public static boolean readRequest(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				return false;
			}
			head.append((char) b);
		}
		String lower = head.toString().toLowerCase(Locale.ROOT);
		int at = lower.indexOf("content-length:");
		if (at >= 0) {
			int end = lower.indexOf("\r\n", at);
			in.readNBytes(Integer.parseInt(lower.substring(at + "content-length:".length(), end).strip()));
		}
		return true;
	}

	/**
	 * Write ASCII text and flush it.
	 * @param out the connection's output
	 * @param text the text
	 * @throws IOException if the client went away
	 */
	public static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/**
	 * Write a 200 answer holding {@link #OK}.
	 * @param out the connection's output
	 * @throws IOException if the client went away
	 */
	public static void writeOk(OutputStream out) throws IOException {
		write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + OK.length() + "\r\n\r\n"
				+ OK);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
