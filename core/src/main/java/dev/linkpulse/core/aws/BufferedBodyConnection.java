package dev.linkpulse.core.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;

/**
 * The JDK's {@code HttpURLConnection} with the request body buffered instead of streamed. The SDK's URL-connection
 * client puts every request with a body into fixed-length streaming mode, and for a streamed POST the JDK checks a
 * kept-alive connection before reusing it by reading from it with a 1 ms timeout ({@code sun.net.www.http.HttpClient}
 * {@code .available()}): every call on a warm connection then waits at least that millisecond and throws and catches a
 * {@code SocketTimeoutException} (measured: {@code ./linkpulse bench redirect}, docs/performance.md). Every AWS call a
 * function makes is such a POST. With the body buffered the JDK reuses the connection at once, sends the headers and
 * the small body together, and resends the request once if a kept-alive connection turns out closed, which is what
 * the SDK's own retry would do (every write we make tolerates a resend: conditions, event ids as keys).
 */
final class BufferedBodyConnection extends HttpURLConnection {
  private final HttpURLConnection delegate;

  BufferedBodyConnection(HttpURLConnection delegate) {
    super(delegate.getURL());
    this.delegate = delegate;
  }

  HttpURLConnection delegate() {
    return delegate;
  }

  /** Ignored: the body is buffered, and the JDK sends its length. */
  @Override
  public void setFixedLengthStreamingMode(long contentLength) {
    // see the class comment
  }

  /** Ignored: the body is buffered, and the JDK sends its length. */
  @Override
  public void setFixedLengthStreamingMode(int contentLength) {
    // see the class comment
  }

  @Override
  public void setChunkedStreamingMode(int chunkLength) {
    delegate.setChunkedStreamingMode(chunkLength);
  }

  @Override
  public void connect() throws IOException {
    delegate.connect();
  }

  @Override
  public void disconnect() {
    delegate.disconnect();
  }

  @Override
  public boolean usingProxy() {
    return delegate.usingProxy();
  }

  @Override
  public void setRequestMethod(String method) throws java.net.ProtocolException {
    delegate.setRequestMethod(method);
  }

  @Override
  public String getRequestMethod() {
    return delegate.getRequestMethod();
  }

  @Override
  public void setRequestProperty(String key, String value) {
    delegate.setRequestProperty(key, value);
  }

  @Override
  public void addRequestProperty(String key, String value) {
    delegate.addRequestProperty(key, value);
  }

  @Override
  public String getRequestProperty(String key) {
    return delegate.getRequestProperty(key);
  }

  @Override
  public Map<String, List<String>> getRequestProperties() {
    return delegate.getRequestProperties();
  }

  @Override
  public void setDoOutput(boolean doOutput) {
    delegate.setDoOutput(doOutput);
  }

  @Override
  public boolean getDoOutput() {
    return delegate.getDoOutput();
  }

  @Override
  public void setInstanceFollowRedirects(boolean follow) {
    delegate.setInstanceFollowRedirects(follow);
  }

  @Override
  public boolean getInstanceFollowRedirects() {
    return delegate.getInstanceFollowRedirects();
  }

  @Override
  public void setConnectTimeout(int timeout) {
    delegate.setConnectTimeout(timeout);
  }

  @Override
  public int getConnectTimeout() {
    return delegate.getConnectTimeout();
  }

  @Override
  public void setReadTimeout(int timeout) {
    delegate.setReadTimeout(timeout);
  }

  @Override
  public int getReadTimeout() {
    return delegate.getReadTimeout();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return delegate.getOutputStream();
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return delegate.getInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return delegate.getErrorStream();
  }

  @Override
  public int getResponseCode() throws IOException {
    return delegate.getResponseCode();
  }

  @Override
  public String getResponseMessage() throws IOException {
    return delegate.getResponseMessage();
  }

  @Override
  public String getHeaderField(String name) {
    return delegate.getHeaderField(name);
  }

  @Override
  public String getHeaderField(int n) {
    return delegate.getHeaderField(n);
  }

  @Override
  public String getHeaderFieldKey(int n) {
    return delegate.getHeaderFieldKey(n);
  }

  @Override
  public Map<String, List<String>> getHeaderFields() {
    return delegate.getHeaderFields();
  }

  @Override
  public long getContentLengthLong() {
    return delegate.getContentLengthLong();
  }
}
