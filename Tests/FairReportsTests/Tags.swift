import Testing

/// The tags of this test module, shared by every suite in it.
extension Tag {
  /// Compares with a golden file.
  @Tag static var golden: Self
  /// Takes seconds rather than milliseconds in a debug build.
  @Tag static var slow: Self
}
