package dev.linkpulse.ops;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --speed N}: how many times faster than the wall clock the stack's clock runs; a positive, finite number. */
public final class SpeedConverter implements ITypeConverter<Double> {
  @Override
  public Double convert(String value) {
    double speed;
    try {
      speed = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      speed = Double.NaN;
    }
    if (!(speed > 0) || Double.isInfinite(speed)) throw new TypeConversionException("'" + value + "' is not a positive number (N times the wall clock, e.g. 60)");
    return speed;
  }

  /** 60 rather than 60.0; 0.5 as it is. */
  public static String format(double speed) {
    return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
  }
}
