/// A parsed XML document held as a flat arena of elements, so that a large ensemble costs a
/// few arrays instead of one object per node.
///
/// Elements refer to each other by index: each has its parent, its first child and its next
/// sibling. Element names and attribute names are the local names (namespace prefixes
/// removed); text holds the element's own character data with surrounding white space
/// trimmed.
struct PMMLXMLDocument: Sendable {
  /// One element.
  struct Element: Sendable {
    /// The local name.
    var name: String
    /// The namespace URI, empty when none.
    var namespace: String
    /// The element's attributes, as a range into the document's attribute arrays.
    var attributes: Range<Int>
    /// The trimmed character data directly inside the element.
    var text: String
    /// The 1-based line where the start tag ends, as libxml2 reports it.
    var line: Int32
    /// The parent element, or -1 for the root.
    var parent: Int32
    /// The first child element, or -1.
    var firstChild: Int32
    /// The next sibling element, or -1.
    var nextSibling: Int32
  }

  /// Every element, in document order; the root is element 0.
  var elements: [Element] = []
  /// The attribute names of all elements.
  var attributeNames: [String] = []
  /// The attribute values of all elements.
  var attributeValues: [String] = []

  /// The root element.
  var root: PMMLElement { PMMLElement(index: 0) }

  /// The local name of `element`.
  func name(of element: PMMLElement) -> String { elements[element.index].name }

  /// The namespace URI of `element`.
  func namespace(of element: PMMLElement) -> String { elements[element.index].namespace }

  /// The trimmed text of `element`.
  func text(of element: PMMLElement) -> String { elements[element.index].text }

  /// The line of `element`.
  func line(of element: PMMLElement) -> Int { Int(elements[element.index].line) }

  /// The value of the attribute `name` of `element`, if present.
  func attribute(_ name: String, of element: PMMLElement) -> String? {
    for position in elements[element.index].attributes where attributeNames[position] == name {
      return attributeValues[position]
    }
    return nil
  }

  /// The names of all attributes of `element`.
  func attributeNames(of element: PMMLElement) -> [String] {
    Array(attributeNames[elements[element.index].attributes])
  }

  /// The child elements of `element`, in document order.
  func children(of element: PMMLElement) -> [PMMLElement] {
    var result: [PMMLElement] = []
    var child = elements[element.index].firstChild
    while child >= 0 {
      result.append(PMMLElement(index: Int(child)))
      child = elements[Int(child)].nextSibling
    }
    return result
  }

  /// The child elements of `element` named `name`, in document order.
  func children(of element: PMMLElement, named name: String) -> [PMMLElement] {
    children(of: element).filter { elements[$0.index].name == name }
  }

  /// The first child element of `element` named `name`.
  func child(of element: PMMLElement, named name: String) -> PMMLElement? {
    var child = elements[element.index].firstChild
    while child >= 0 {
      if elements[Int(child)].name == name { return PMMLElement(index: Int(child)) }
      child = elements[Int(child)].nextSibling
    }
    return nil
  }

  /// The parent of `element`, if any.
  func parent(of element: PMMLElement) -> PMMLElement? {
    let parent = elements[element.index].parent
    return parent >= 0 ? PMMLElement(index: Int(parent)) : nil
  }

  /// An XPath-like place of `element`: `/PMML/MiningModel/Segmentation/Segment[3]/TreeModel`.
  ///
  /// A 1-based position follows a name when the parent has more than one child of that name.
  func path(of element: PMMLElement) -> String {
    var components: [String] = []
    var current: PMMLElement? = element
    while let node = current {
      let name = elements[node.index].name
      var component = name
      if let parent = parent(of: node) {
        let siblings = children(of: parent, named: name)
        if siblings.count > 1, let position = siblings.firstIndex(of: node) {
          component += "[\(position + 1)]"
        }
      }
      components.append(component)
      current = parent(of: node)
    }
    return "/" + components.reversed().joined(separator: "/")
  }
}

/// A handle on one element of a ``PMMLXMLDocument``.
struct PMMLElement: Hashable, Sendable {
  /// The position of the element in ``PMMLXMLDocument/elements``.
  let index: Int
}
