import QtQuick
import Kiosk

// A few key numbers side by side, wrapping to a new line when there is no room.
Flow {
    id: row
    property var figures: []
    property real valueSize: Ui.px(64)
    spacing: Ui.px(36)
    visible: figures.length > 0
    Repeater {
        model: row.figures
        FigureBox {
            required property var modelData
            figure: modelData
            valueSize: row.valueSize
            width: Math.min(Ui.px(360), row.width)
        }
    }
}
