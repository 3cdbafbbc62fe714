import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one run of a shell command produced.
struct CommandOutcome: Sendable {
  /// The exit status, or the signal number when ``wasSignalled``.
  var status: Int32
  /// Whether the command ended by a signal.
  var wasSignalled: Bool
  /// Everything the command wrote to standard output.
  var standardOutput: [UInt8]
  /// The last ``CommandProcess/standardErrorLimit`` bytes the command wrote to standard error.
  var standardError: [UInt8]
}

/// Why a run of a shell command did not produce an outcome.
enum CommandFailure: Error, Sendable {
  /// The shell could not be started.
  case launch(String)
  /// The command did not finish in time; it and its process group were killed.
  case timeout(standardError: [UInt8])
  /// Reading or writing a pipe failed.
  case io(String)
}

/// Runs `/bin/sh -c <command>` with bytes on standard input, collecting standard output and
/// standard error, with a deadline.
///
/// Deadlock freedom: the three pipe ends are non-blocking and served by one `poll(2)` loop
/// on the calling thread, so input is written only as fast as the command reads it while its
/// output is drained all along; a command that writes a lot before reading all its input
/// cannot block us, nor we it. `SIGPIPE` is blocked on the calling thread during the loop
/// (a command may exit without reading its input), and a pending `SIGPIPE` raised by our own
/// write is consumed before the mask is restored.
///
/// Foundation's `Process` starts the shell in a process group of its own (its pgid is its
/// pid), so on timeout the whole group, the shell and everything it started, is killed with
/// `SIGKILL`.
enum CommandProcess {
  /// The most standard-error bytes kept (the tail).
  static let standardErrorLimit = 64 << 10

  /// Runs the command to completion or until `timeout` has passed.
  ///
  /// - Throws: ``CommandFailure``.
  static func run(
    shell: String, command: String, input: [UInt8], timeout: Duration,
    workingDirectory: String?, environment: [String: String]?
  ) throws(CommandFailure) -> CommandOutcome {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: shell)
    process.arguments = ["-c", command]
    if let workingDirectory {
      process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
    }
    if let environment { process.environment = environment }
    let inputPipe = Pipe()
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardInput = inputPipe
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    do {
      try process.run()
    } catch {
      throw .launch("could not start '\(shell)': \(error.localizedDescription)")
    }
    // Private duplicates, so that the loop may close its ends without racing the handles'
    // own closing (a double close could hit a descriptor another thread just opened).
    var pipes = PipeSet(
      input: takeDescriptor(inputPipe.fileHandleForWriting),
      output: takeDescriptor(outputPipe.fileHandleForReading),
      error: takeDescriptor(errorPipe.fileHandleForReading))
    if pipes.input < 0 || pipes.output < 0 || pipes.error < 0 {
      pipes.closeAll()
      stop(process, exited: exited)
      throw .io("could not duplicate a pipe descriptor: errno \(errno)")
    }
    let finished = withSIGPIPEBlocked {
      pipes.pump(input: input, until: deadline)
    }
    pipes.closeAll()
    switch finished {
    case .failure(let message):
      stop(process, exited: exited)
      throw .io(message.message)
    case .success(false):
      stop(process, exited: exited)
      throw .timeout(standardError: pipes.standardError)
    case .success(true):
      break
    }
    // The output pipes are closed; wait for the exit itself within the deadline.
    if exited.wait(timeout: dispatchTime(until: deadline)) == .timedOut {
      stop(process, exited: exited)
      throw .timeout(standardError: pipes.standardError)
    }
    // Returns at once for an exited process; it also releases the run-loop source that
    // `run()` registered on this thread, which would otherwise keep the process alive.
    process.waitUntilExit()
    return CommandOutcome(
      status: process.terminationStatus,
      wasSignalled: process.terminationReason == .uncaughtSignal,
      standardOutput: pipes.standardOutput, standardError: pipes.standardError)
  }

  /// Kills the process group of `process` and reaps the shell (waiting at most 5 s).
  private static func stop(_ process: Process, exited: DispatchSemaphore) {
    kill(-process.processIdentifier, SIGKILL)
    if exited.wait(timeout: .now() + .seconds(5)) == .success { process.waitUntilExit() }
  }

  /// A close-on-exec duplicate of `handle`'s descriptor; the handle itself is closed.
  private static func takeDescriptor(_ handle: FileHandle) -> Int32 {
    let descriptor = fcntl(handle.fileDescriptor, F_DUPFD_CLOEXEC, 0)
    try? handle.close()
    return descriptor
  }

  /// The dispatch time of a clock instant.
  private static func dispatchTime(until deadline: ContinuousClock.Instant) -> DispatchTime {
    let remaining = ContinuousClock.now.duration(to: deadline)
    guard remaining > .zero else { return .now() }
    let (seconds, attoseconds) = remaining.components
    let nanoseconds = min(seconds, 1 << 32) * 1_000_000_000 + attoseconds / 1_000_000_000
    return .now() + .nanoseconds(Int(nanoseconds))
  }

  /// Runs `body` with `SIGPIPE` blocked on this thread, then discards a `SIGPIPE` that our
  /// own writes left pending, and restores the previous mask.
  private static func withSIGPIPEBlocked<T>(_ body: () -> T) -> T {
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGPIPE)
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    let result = body()
    var pending = sigset_t()
    sigpending(&pending)
    if sigismember(&pending, SIGPIPE) == 1 && sigismember(&previous, SIGPIPE) == 0 {
      var zero = timespec(tv_sec: 0, tv_nsec: 0)
      _ = sigtimedwait(&blocked, nil, &zero)
    }
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    return result
  }
}

/// Our ends of the three pipes, served by one `poll(2)` loop.
private struct PipeSet {
  var input: Int32
  var output: Int32
  var error: Int32
  var standardOutput: [UInt8] = []
  var standardError: [UInt8] = []

  init(input: Int32, output: Int32, error: Int32) {
    self.input = input
    self.output = output
    self.error = error
    for descriptor in [input, output, error] {
      let flags = fcntl(descriptor, F_GETFL)
      _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
    }
  }

  /// Writes `input` and reads both outputs until both reach end-of-file.
  ///
  /// - Returns: `.success(true)` when both outputs ended, `.success(false)` at the deadline,
  ///   `.failure` when a system call failed.
  mutating func pump(
    input bytes: [UInt8], until deadline: ContinuousClock.Instant
  ) -> Result<Bool, PumpError> {
    var written = 0
    if bytes.isEmpty { closeInput() }
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while output >= 0 || error >= 0 {
      let remaining = ContinuousClock.now.duration(to: deadline)
      if remaining <= .zero { return .success(false) }
      let milliseconds =
        remaining.components.seconds * 1000
        + remaining.components.attoseconds / 1_000_000_000_000_000 + 1
      var descriptors: [pollfd] = []
      if input >= 0 { descriptors.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
      if output >= 0 { descriptors.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
      if error >= 0 { descriptors.append(pollfd(fd: error, events: Int16(POLLIN), revents: 0)) }
      let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(milliseconds, 60_000)))
      if ready < 0 {
        if errno == EINTR { continue }
        return .failure(PumpError(message: "poll failed: errno \(errno)"))
      }
      for entry in descriptors where entry.revents != 0 {
        if entry.fd == input {
          let count = bytes.withUnsafeBytes { raw in
            write(input, raw.baseAddress.map { $0 + written }, min(bytes.count - written, 64 << 10))
          }
          if count > 0 {
            written += count
            if written == bytes.count { closeInput() }
          } else if count < 0 && errno != EAGAIN && errno != EINTR {
            // EPIPE: the command stopped reading; its exit status or output tells why.
            closeInput()
          }
        } else if entry.fd == output {
          if case .failure(let failure) = drain(&output, into: &standardOutput, &buffer) {
            return .failure(failure)
          }
        } else if entry.fd == error {
          if case .failure(let failure) = drain(&error, into: &standardError, &buffer) {
            return .failure(failure)
          }
          if standardError.count > 2 * CommandProcess.standardErrorLimit {
            standardError.removeFirst(standardError.count - CommandProcess.standardErrorLimit)
          }
        }
      }
    }
    if standardError.count > CommandProcess.standardErrorLimit {
      standardError.removeFirst(standardError.count - CommandProcess.standardErrorLimit)
    }
    return .success(true)
  }

  /// Reads what is available from `descriptor`; closes it at end-of-file.
  private func drain(
    _ descriptor: inout Int32, into sink: inout [UInt8], _ buffer: inout [UInt8]
  ) -> Result<Void, PumpError> {
    while true {
      let count = buffer.withUnsafeMutableBytes { raw in
        read(descriptor, raw.baseAddress, raw.count)
      }
      if count > 0 {
        sink.append(contentsOf: buffer[0..<count])
        continue
      }
      if count == 0 {
        close(descriptor)
        descriptor = -1
        return .success(())
      }
      if errno == EAGAIN || errno == EINTR { return .success(()) }
      return .failure(PumpError(message: "read failed: errno \(errno)"))
    }
  }

  private mutating func closeInput() {
    if input >= 0 {
      close(input)
      input = -1
    }
  }

  /// Closes whatever is still open.
  mutating func closeAll() {
    for descriptor in [input, output, error] where descriptor >= 0 { close(descriptor) }
    input = -1
    output = -1
    error = -1
  }
}

/// A failed system call in the pipe loop.
struct PumpError: Error {
  var message: String
}
