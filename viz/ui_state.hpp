// Everything the viewer's panels remember between frames, in one struct (style.md, after Tracy's view
// options): the playback cursor, what is selected, and the knobs being edited before a rerun. The recorded
// simulation is not here; it lives in the feeds (feed.hpp), which the panels only read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/time.hpp"

namespace vaxel::viz {

/// A knob edit of one operator's shift, before it is applied to the scenario copy.
struct OperatorKnob {
  std::string name;
  bool enabled = true;  ///< unticked = the shift is removed in the rerun
  char shift[64] = {};  ///< "08:00-12:00, 12:45-16:00" Monday to Friday; edited as text
  bool added = false;   ///< a shift added in the UI (not in the scenario file)
};

struct UiState {
  // Playback over the recorded timeline.
  model::WallSeconds play_t_s = 0.0;  ///< the moment shown
  bool playing = true;
  float speed = 60.0f;   ///< simulated seconds per wall second, 1 .. 10,000
  int day = 0;           ///< index of the day shown, 0 = run.start
  double step_s = 60.0;  ///< what one "step" advances: one frame

  // Selections.
  std::uint64_t errand = 0;         ///< the errand shown in the explorer; 0 = none yet
  bool errand_only_failed = true;   ///< list errands that needed more than one call first
  int highlight_unit = -1;          ///< unit hovered in the organisation grid
  bool compare_tab_opened = false;  ///< the compare tab was brought to the front once (with --compare)

  // Knobs (applied to a copy of the scenario by "Rerun").
  std::vector<OperatorKnob> operators;
  int knob_unit = 0;                ///< unit whose phone hours are edited
  char phone_hours[64] = {};        ///< "09:00-10:00, 13:00-14:00" Monday to Friday; empty = none
  bool transfer_to_mobile = false;  ///< policy MO4
  bool knobs_loaded = false;        ///< the knob fields were filled from the scenario
  std::string knob_message;         ///< why the last rerun was refused, or what it changed
  bool rerun_requested = false;     ///< set by the knobs panel, consumed by the app

  // Screenshot mode hides nothing, but freezes the cursor at --at.
  bool frozen = false;
};

}  // namespace vaxel::viz
