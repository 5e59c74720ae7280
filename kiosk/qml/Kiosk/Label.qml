import QtQuick
import Kiosk

// Text from a pack: plain text only (never HTML from content), wrapped, in the theme's colour.
Text {
    color: Ui.theme.text
    font.pixelSize: Ui.fontPx(Ui.type.body)
    font.features: Ui.fontFeatures
    wrapMode: Text.Wrap
    textFormat: Text.PlainText
    lineHeight: 1.15
}
