import Glibc

/// The element tree of one message type in one standard, compiled for the SAX decoder.
///
/// It plays the part of the XSD's structure (order, cardinality, which namespace an element is
/// in) so that the decoder can reject what the schema would reject without running a validator.
/// Elements are stored breadth-first so that each element's children are one contiguous run;
/// names are one flat byte table so matching a SAX local name is a length check plus `memcmp`.
/// Schemas are built once per process and never freed, hence the unsafe storage.
final class MessageSchema: @unchecked Sendable {
    struct Element {
        var tag: Tag
        var required: Bool
        var repeats: Bool
        /// True for children of composite data types, which live in the basisschema namespace.
        var inBasisschema: Bool
        var firstChild: Int32
        var childCount: Int32
        var nameOffset: Int32
        var nameLength: Int32
        /// For a leaf the typed model does not read, what its text may be.
        var waarde: Waarde

        var isLeaf: Bool { childCount == 0 }
    }

    enum Occurs {
        case one, optional, many
    }

    /// The uncompiled form the definitions are written in.
    struct Definition {
        var tag: Tag
        var occurs: Occurs
        var inBasisschema: Bool
        var children: [Definition]
        var waarde: Waarde = .gelezen
    }

    let elements: UnsafeMutableBufferPointer<Element>
    let names: UnsafeMutableBufferPointer<UInt8>

    init(root: Definition) {
        var flat: [Element] = []
        var nameBytes: [UInt8] = []
        var queue: [Definition] = [root]
        var head = 0
        var nextFree: Int32 = 1
        while head < queue.count {
            let definition = queue[head]
            head += 1
            let name = Array(definition.tag.rawValue.utf8)
            flat.append(
                Element(
                    tag: definition.tag, required: definition.occurs != .optional,
                    repeats: definition.occurs == .many, inBasisschema: definition.inBasisschema,
                    firstChild: nextFree, childCount: Int32(definition.children.count),
                    nameOffset: Int32(nameBytes.count), nameLength: Int32(name.count), waarde: definition.waarde))
            nameBytes += name
            nextFree += Int32(definition.children.count)
            queue += definition.children
        }
        elements = .allocate(capacity: flat.count)
        _ = elements.initialize(from: flat)
        names = .allocate(capacity: nameBytes.count)
        _ = names.initialize(from: nameBytes)
    }

    deinit {
        elements.deallocate()
        names.deallocate()
    }

    /// Whether `element`'s name is `localName`.
    @inline(__always)
    func matches(_ element: Int32, _ localName: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = elements[Int(element)]
        guard localName.count == Int(entry.nameLength) else { return false }
        return memcmp(localName.baseAddress!, names.baseAddress! + Int(entry.nameOffset), localName.count) == 0
    }

    /// The schema for `type` in `standaard`; built on first use.
    static func schema(for type: Berichttype, in standaard: Standaard) -> MessageSchema {
        let index = types.firstIndex(of: type)! * 2 + (standaard == .iJw ? 1 : 0)
        return all[index]
    }

    /// `Berichttype.allCases`, made once: the synthesized property builds a new array at every call.
    private static let types = Berichttype.allCases

    private static let all: [MessageSchema] = types.flatMap { type in
        [Standaard.iWmo, .iJw].map { MessageSchema(root: Definition.bericht(type, standaard: $0)) }
    }
}
