import QtQuick
import Kiosk

// Body text: paragraphs separated by a blank line in the YAML, spaced apart on screen.
Column {
    id: paragraphs
    property string text: ""
    property real fontSize: Ui.fontPx(Ui.type.lead)
    spacing: Math.round(fontSize * 0.7)
    Repeater {
        model: paragraphs.text.split(/\n\s*\n/).map(p => p.trim()).filter(p => p !== "")
        Label {
            required property string modelData
            width: paragraphs.width
            text: modelData
            font.pixelSize: paragraphs.fontSize
            lineHeight: 1.3
        }
    }
}
