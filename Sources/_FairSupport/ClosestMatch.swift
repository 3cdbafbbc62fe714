/// Returns the candidate nearest to `word` by edit distance, if one is near enough to suggest.
///
/// "Near enough" means a distance of at most a third of the word's length (at least 1), the
/// rule compilers and ArgumentParser use for "did you mean" notes.
package func closestMatch(to word: String, among candidates: [String]) -> String? {
  let limit = max(1, word.count / 3)
  var best: (candidate: String, distance: Int)?
  for candidate in candidates {
    let distance = editDistance(word.lowercased(), candidate.lowercased())
    if distance <= limit && distance < (best?.distance ?? .max) {
      best = (candidate, distance)
    }
  }
  return best?.candidate
}

/// Returns the Levenshtein distance between two strings, by Unicode scalars.
package func editDistance(_ lhs: String, _ rhs: String) -> Int {
  let left = Array(lhs.unicodeScalars)
  let right = Array(rhs.unicodeScalars)
  if left.isEmpty { return right.count }
  var previous = Array(0...right.count)
  var current = previous
  for i in 1...left.count {
    current[0] = i
    for j in stride(from: 1, through: right.count, by: 1) {
      let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return previous[right.count]
}
