import QtQuick
import Kiosk

// A few key numbers side by side, wrapping to a new line when there is no room.
Flow {
    id: row
    property var figures: []
    property real valueSize: Ui.fontPx(Ui.type.figure)
    spacing: Ui.px(36)
    visible: figures.length > 0
    Repeater {
        model: row.figures
        FigureBox {
            required property var modelData
            figure: modelData
            valueSize: row.valueSize
            // Share the row; below 280 px a figure wraps onto the next line instead.
            width: Math.min(row.width, Math.max(Ui.px(280), (row.width - (row.figures.length - 1) * row.spacing) / row.figures.length))
        }
    }
}
