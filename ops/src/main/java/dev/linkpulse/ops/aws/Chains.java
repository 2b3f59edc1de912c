package dev.linkpulse.ops.aws;

import dev.linkpulse.core.Env;
import dev.linkpulse.ops.UsageError;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * The CLI's region and credentials: the SDK's standard chains (with a named profile when one is given), and the
 * local stack's fallbacks when every endpoint is overridden (the emulators ignore the region and accept any key).
 */
final class Chains {
  private Chains() {}

  /**
   * {@code --region}, {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}, {@code aws.region}, the profile; then, when the
   * endpoint is overridden, {@code us-east-1}; otherwise the rest of the SDK chain (instance metadata).
   */
  static Region region(String flag, String profile, boolean overridden) {
    if (flag != null) return Region.of(flag);
    Optional<String> env = Env.find("AWS_REGION").or(() -> Env.find("AWS_DEFAULT_REGION"));
    if (env.isPresent()) return Region.of(env.get());
    try {
      AwsProfileRegionProvider fromProfile = profile == null ? new AwsProfileRegionProvider()
          : new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, profile);
      return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), fromProfile).getRegion();
    } catch (SdkClientException | IllegalStateException none) {
      // not configured here: an emulator does not care, AWS does
    }
    if (overridden) return Region.US_EAST_1;
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      return (profile == null ? chain : chain.profileName(profile)).build().getRegion();
    } catch (SdkClientException e) {
      throw new UsageError("no AWS region: pass --region or set AWS_REGION");
    }
  }

  /**
   * The SDK's default chain; for an endpoint on this machine the usual explicit sources (system properties,
   * environment, profile) and then any key, never instance metadata.
   */
  static AwsCredentialsProvider credentials(String profile, boolean local) {
    if (!local) {
      DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder();
      return (profile == null ? chain : chain.profileName(profile)).build();
    }
    ProfileCredentialsProvider fromProfile = profile == null ? ProfileCredentialsProvider.create() : ProfileCredentialsProvider.create(profile);
    return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
        SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create(), fromProfile,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
  }
}
