import Testing

/// The tags of this test module, shared by every suite in it.
extension Tag {
  /// Compares with reference values produced by another implementation.
  @Tag static var golden: Self
  /// Takes seconds rather than milliseconds in a debug build.
  @Tag static var slow: Self
}
