// The room: one negotiation repository served to the people in it (docs/SERVE.md).
// Pages for reading, tabling and chairing, the JSON API under /api/, and the live event stream the
// screen follows. Every write goes through AmendKit, exactly as the CLI's does.
import AmendKit
import Hummingbird
