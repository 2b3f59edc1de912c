package dev.linkpulse.core.http;

/** A request that cannot be served, with the HTTP status, a stable machine-readable code and a human message. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException notFound() {
    return new ApiException(404, "not_found", "no such link");
  }

  public static ApiException unauthorized() {
    return new ApiException(401, "unauthorized", "a valid bearer token is required");
  }
}
