import QtQuick
import Kiosk

// What every screen has: optional background, title and intro, the kind's own content in the
// middle (the default property), and "see also" links at the bottom.
Item {
    id: page
    required property var screen
    objectName: "page:" + screen.id
    default property alias content: body.data
    property bool showHeader: true
    property string introText: Ui.t(screen.intro)
    readonly property real margin: Ui.px(Ui.portrait ? 48 : 72)

    // The page sliding out must not take taps meant for the one sliding in (set by PageHost).
    property bool leaving: false
    // Built ahead or put away by PageHost: transparent, waiting to be shown; takes no taps.
    property bool aside: false
    enabled: !leaving && !aside
    // Nothing the visitor does changes it (no scroll, pager or zoom): PageHost may show it
    // again as it is instead of building it anew.
    property bool holdsNoPlace: false

    Picture {
        anchors.fill: parent
        source: page.screen.background ?? ""
        fillMode: Image.PreserveAspectCrop
        visible: (page.screen.background ?? "") !== ""
    }

    Column {
        id: header
        visible: page.showHeader
        anchors { left: parent.left; right: parent.right; top: parent.top
                  leftMargin: page.margin; rightMargin: page.margin; topMargin: Ui.px(40) }
        spacing: Ui.px(10)
        Label {
            objectName: "screenTitle"
            width: parent.width
            text: Ui.t(page.screen.title)
            font.pixelSize: Ui.fontPx(Ui.type.screenTitle)
            font.weight: Font.Bold
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            width: parent.width
            visible: text !== ""
            text: page.introText
            color: Ui.theme.muted
            font.pixelSize: Ui.fontPx(Ui.type.lead)
            maximumLineCount: 3
            elide: Text.ElideRight
        }
    }

    Item {
        id: body
        anchors { left: parent.left; right: parent.right
                  top: page.showHeader ? header.bottom : parent.top
                  bottom: links.visible ? links.top : parent.bottom
                  topMargin: page.showHeader ? Ui.px(32) : 0
                  bottomMargin: Ui.px(Ui.space.block) }
    }

    Flow {
        id: links
        visible: (page.screen.links ?? []).length > 0
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                  leftMargin: page.margin; rightMargin: page.margin; bottomMargin: Ui.px(Ui.space.block) }
        spacing: Ui.px(Ui.space.items)
        Repeater {
            model: page.screen.links ?? []
            TouchButton {
                required property var modelData
                objectName: "link:" + modelData.target
                text: Ui.t(modelData.title)
                icon: Qt.resolvedUrl("icons/forward.svg")
                onTapped: Ui.nav.open(modelData.target)
            }
        }
    }
}
