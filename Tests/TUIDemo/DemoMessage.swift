import TerminalUI

/// What the demo's background work posts to the inbox.
enum DemoMessage: Sendable {
    case stepStarted(Int)
    case stepFinished(Int, detail: String)
    case stepFailed(Int, message: String)
}

/// Rows for the demo list: 2,000 of them, a few with wide characters.
enum DemoData {
    static let items: [ListItem] = {
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
                     "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"]
        var items: [ListItem] = []
        for index in 0..<2000 {
            let first = words[index % words.count], second = words[(index / words.count) % words.count]
            items.append(ListItem(id: "item-\(index)", title: "\(first)-\(second)-\(index)",
                                  detail: "Demo row \(index) for \(second) \(first)"))
        }
        items[3] = ListItem(id: "item-3", title: "日本語の行", detail: "Wide characters measured with wcwidth")
        return items
    }()

    static let policy = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": { "Service": "example.com" },
          "Action": "sts:AssumeRole"
        }
      ]
    }
    """
}
