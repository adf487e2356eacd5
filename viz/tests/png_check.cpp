// Checks a vaxel-viz screenshot: `vaxel_png_check FILE WIDTH HEIGHT` exits 0 when the PNG has the requested
// size, is not blank (many distinct colours), and shows the organisation grid's presence colours in more
// pixels than the legend alone paints (so the people were drawn, not only the legend). Prints what it found.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "viz/palette.hpp"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

int main(int argc, char** argv) {
  using vaxel::viz::kPresenceColours;
  using vaxel::viz::kPresenceLabels;
  if (argc != 4) {
    std::fprintf(stderr, "usage: vaxel_png_check FILE WIDTH HEIGHT\n");
    return 2;
  }
  const int want_w = std::atoi(argv[2]);
  const int want_h = std::atoi(argv[3]);
  int w = 0;
  int h = 0;
  int channels = 0;
  unsigned char* px = stbi_load(argv[1], &w, &h, &channels, 3);
  if (px == nullptr) {
    std::fprintf(stderr, "%s: not a readable PNG: %s\n", argv[1], stbi_failure_reason());
    return 1;
  }
  int failures = 0;
  if (w != want_w || h != want_h) {
    std::fprintf(stderr, "%s: size %dx%d, expected %dx%d\n", argv[1], w, h, want_w, want_h);
    ++failures;
  }
  std::set<unsigned> colours;
  std::array<long, vaxel::viz::kPresenceKindCount> counts{};
  for (long i = 0; i < static_cast<long>(w) * h; ++i) {
    const unsigned char* p = px + i * 3;
    colours.insert((unsigned{p[0]} << 16) | (unsigned{p[1]} << 8) | p[2]);
    for (std::size_t k = 0; k < kPresenceColours.size(); ++k)
      if (p[0] == kPresenceColours[k].r && p[1] == kPresenceColours[k].g && p[2] == kPresenceColours[k].b) ++counts[k];
  }
  stbi_image_free(px);
  std::printf("%s: %dx%d, %zu distinct colours\n", argv[1], w, h, colours.size());
  if (colours.size() < 200) {
    std::fprintf(stderr, "%s: only %zu distinct colours: blank or nearly so\n", argv[1], colours.size());
    ++failures;
  }
  // A legend swatch is 10x10 = 100 pixels, a person's square 12x12 = 144: three people's worth beats the legend.
  constexpr long kPeople = 3 * 144;
  int kinds_shown = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    std::printf("  %-11s %7ld pixels\n", kPresenceLabels[k], counts[k]);
    if (counts[k] >= kPeople) ++kinds_shown;
  }
  if (counts[0] < kPeople) {
    std::fprintf(stderr, "%s: no one available in the organisation grid\n", argv[1]);
    ++failures;
  }
  if (kinds_shown < 4) {
    std::fprintf(stderr, "%s: only %d presence colours in the grid, expected at least 4\n", argv[1], kinds_shown);
    ++failures;
  }
  return failures == 0 ? 0 : 1;
}
