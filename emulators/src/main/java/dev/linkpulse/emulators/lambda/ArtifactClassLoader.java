package dev.linkpulse.emulators.lambda;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One function's code, loaded from its deployment artifact alone. The parent is the JDK's platform loader, so the
 * function sees what Lambda's Java runtime gives it (the JDK) and what its jar ships, and nothing of the class
 * path that runs the local stack: a class the artifact lacks fails here as it would at init on AWS.
 *
 * <p>The jar is read as Lambda reads the package it unzips into its task root: entries by name, no multi-release
 * versions. Each class's {@code System.getenv} calls are pointed at this loader's own {@link FunctionEnvironment}.
 */
final class ArtifactClassLoader extends ClassLoader implements Closeable {
  static {
    registerAsParallelCapable();
  }

  private static final String ENVIRONMENT = FunctionEnvironment.class.getName();
  private static final byte[] ENVIRONMENT_CLASS = ownClassFile(ENVIRONMENT);

  private final Path artifact;
  private final JarFile jar;
  private final String base;
  private final ProtectionDomain domain;
  private final Attributes manifest;

  ArtifactClassLoader(String functionName, Path artifact) throws IOException {
    super(functionName, ClassLoader.getPlatformClassLoader());
    this.artifact = artifact;
    this.jar = new JarFile(artifact.toFile(), false);
    URL location = artifact.toUri().toURL();
    this.base = "jar:" + location + "!/";
    this.domain = new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, this, null);
    Manifest m = jar.getManifest();
    this.manifest = m == null ? new Attributes() : m.getMainAttributes();
  }

  Path artifact() {
    return artifact;
  }

  boolean contains(String entryName) {
    return jar.getJarEntry(entryName) != null;
  }

  /** Gives the function its environment: must run before any of its classes reads it. */
  void installEnvironment(Map<String, String> environment) {
    try {
      loadClass(ENVIRONMENT).getMethod("install", Map.class).invoke(null, environment);
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("cannot define the function environment in " + getName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot install the environment of " + getName(), e.getCause());
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = name.equals(ENVIRONMENT) ? ENVIRONMENT_CLASS : read(name.replace('.', '/') + ".class");
    if (bytes == null) throw new ClassNotFoundException(name + " (not in " + artifact.getFileName() + ")");
    bytes = GetenvRedirect.apply(bytes, ENVIRONMENT);
    definePackageOf(name);
    return defineClass(name, bytes, 0, bytes.length, domain);
  }

  @Override
  protected URL findResource(String name) {
    if (jar.getJarEntry(name) == null) return null;
    try {
      return new URL(base + name);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(url));
  }

  /** Straight from the open jar: a jar: URL connection would cache a second, never-closed handle on the file. */
  @Override
  public InputStream getResourceAsStream(String name) {
    InputStream fromParent = getParent().getResourceAsStream(name);
    if (fromParent != null) return fromParent;
    JarEntry entry = jar.getJarEntry(name);
    try {
      return entry == null ? null : jar.getInputStream(entry);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    jar.close();
  }

  private byte[] read(String entryName) {
    JarEntry entry = jar.getJarEntry(entryName);
    if (entry == null) return null;
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + entryName + " from " + artifact, e);
    }
  }

  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot < 0) return;
    String pkg = className.substring(0, dot);
    if (getDefinedPackage(pkg) != null) return;
    try {
      definePackage(pkg, manifest.getValue(Attributes.Name.SPECIFICATION_TITLE), manifest.getValue(Attributes.Name.SPECIFICATION_VERSION),
          manifest.getValue(Attributes.Name.SPECIFICATION_VENDOR), manifest.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
          manifest.getValue(Attributes.Name.IMPLEMENTATION_VERSION), manifest.getValue(Attributes.Name.IMPLEMENTATION_VENDOR), null);
    } catch (IllegalArgumentException definedMeanwhile) {
      // another thread defined it first: the same package either way
    }
  }

  private static byte[] ownClassFile(String className) {
    try (InputStream in = ArtifactClassLoader.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
      if (in == null) throw new IllegalStateException(className + " is not on the local stack's class path");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
