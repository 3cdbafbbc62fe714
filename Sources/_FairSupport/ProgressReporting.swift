/// Where long parallel work reports its progress, for a progress display.
///
/// The command line binds a reporter for the duration of a command; ``ParallelChunks`` calls
/// it as chunks finish, from whichever thread finished them. A task-local value rather than a
/// parameter, so that the numeric code between the command and the chunks needs no change,
/// and rather than a global, so that nothing is shared between unrelated tasks.
package enum ProgressReporting {
  /// Called with the number of finished chunks and the total, as each chunk finishes.
  @TaskLocal package static var chunkFinished: (@Sendable (_ finished: Int, _ total: Int) -> Void)?
}
