import QtQuick
import Kiosk

// Years on a rail at the top; below, one event at a time that the visitor swipes through.
ScreenPage {
    id: page
    readonly property var events: screen.events

    Item {
        id: rail
        objectName: "yearRail"
        anchors { left: parent.left; right: parent.right; top: parent.top
                  leftMargin: page.margin; rightMargin: page.margin }
        height: Ui.px(80)
        Rectangle {
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
            height: Math.max(2, Ui.px(3))
            color: Ui.alpha(Ui.theme.accent, 0.35)
        }
        Row {
            anchors.fill: parent
            Repeater {
                model: page.events
                Item {
                    id: stop
                    required property var modelData
                    required property int index
                    readonly property bool current: pager.currentIndex === index
                    objectName: "year:" + modelData.year
                    width: rail.width / page.events.length
                    height: rail.height
                    Rectangle {
                        anchors.centerIn: parent
                        width: Math.min(parent.width - Ui.px(8), Math.max(yearText.implicitWidth + Ui.px(32), Ui.px(96)))
                        height: Ui.px(64)
                        radius: height / 2
                        color: stop.current ? Ui.theme.accent : Ui.theme.background
                        border.color: Ui.theme.accent
                        border.width: Ui.outline
                        Label {
                            id: yearText
                            // Smaller in a chip too narrow for it: with A+, many years on a portrait screen.
                            width: parent.width - Ui.px(16)
                            height: parent.height
                            anchors.centerIn: parent
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                            text: stop.modelData.year
                            color: stop.current ? Ui.theme.background : Ui.theme.text
                            font.pixelSize: Ui.fontPx(Ui.type.emphasis)
                            font.weight: Font.Bold
                            wrapMode: Text.NoWrap
                            fontSizeMode: Text.HorizontalFit
                            minimumPixelSize: Ui.px(18)
                        }
                    }
                    TapTarget {
                        name: stop.modelData.year
                        gesturePolicy: TapHandler.DragThreshold  // a swipe across the years still scrolls them
                        onActivated: pager.currentIndex = stop.index
                    }
                }
            }
        }
    }

    Pager {
        id: pager
        screenId: page.screen.id
        anchors { left: parent.left; right: parent.right; top: rail.bottom; bottom: parent.bottom; topMargin: Ui.px(20) }
        model: page.events
        delegate: Item {
            id: event
            required property var modelData
            width: pager.width
            height: pager.height
            Picture {
                id: picture
                visible: (event.modelData.image ?? "") !== ""
                source: event.modelData.image ?? ""
                // In landscape, clear of the round "previous" button on the left.
                x: Ui.portrait ? page.margin : Ui.px(108)
                width: visible ? (Ui.portrait ? event.width - 2 * page.margin : event.width * 0.42 - x) : 0
                height: Ui.portrait ? event.height * 0.4 : event.height
            }
            ScrollText {
                x: Ui.portrait ? page.margin : picture.x + picture.width + (picture.visible ? Ui.px(56) : 0)
                y: Ui.portrait ? picture.height + Ui.px(32) : 0
                // Clear of the round "next" button on the right.
                width: event.width - x - page.margin - (Ui.portrait ? 0 : Ui.px(40))
                height: event.height - y
                spacing: Ui.px(Ui.space.lines)
                Label {  // the rail shows the year large already; here it labels the text
                    text: event.modelData.year
                    color: Ui.theme.accent
                    font.pixelSize: Ui.fontPx(Ui.type.heading)
                    font.weight: Font.Bold
                    lineHeight: 1.0
                }
                Label {
                    width: parent.width
                    text: Ui.t(event.modelData.title)
                    font.pixelSize: Ui.fontPx(Ui.type.heading)
                    font.weight: Font.Bold
                }
                Label {
                    width: parent.width
                    visible: text !== ""
                    text: Ui.t(event.modelData.text)
                    font.pixelSize: Ui.fontPx(Ui.type.eventText)
                    color: Ui.ink(Ui.theme.text, 0.88)
                    lineHeight: 1.25
                }
                FigureRow {
                    width: parent.width
                    figures: event.modelData.figures ?? []
                    valueSize: Ui.fontPx(Ui.type.display)
                    topPadding: Ui.px(8)
                }
            }
        }
    }

    TouchButton {
        objectName: "previous"
        visible: pager.currentIndex > 0
        icon: Qt.resolvedUrl("icons/back.svg")
        accessibleName: Ui.t(Ui.nav.pack.strings.previous)
        anchors { left: parent.left; leftMargin: Ui.px(12) }
        // Beside the picture in portrait, where they cover no text.
        y: pager.y + (Ui.portrait ? pager.height * 0.2 : pager.height / 2) - height / 2
        onTapped: pager.decrementCurrentIndex()
    }
    TouchButton {
        objectName: "next"
        visible: pager.currentIndex < pager.count - 1
        icon: Qt.resolvedUrl("icons/forward.svg")
        accessibleName: Ui.t(Ui.nav.pack.strings.next)
        anchors { right: parent.right; rightMargin: Ui.px(12) }
        y: pager.y + (Ui.portrait ? pager.height * 0.2 : pager.height / 2) - height / 2
        onTapped: pager.incrementCurrentIndex()
    }
}
