# Runs vaxel-viz headless under xvfb-run at a given moment with --screenshot, then the PNG checker.
# -DVIZ=path -DCHECK=path -DOUT=file.png -DWIDTH=n -DHEIGHT=n -DAT=YYYY-MM-DDTHH:MM
execute_process(COMMAND xvfb-run -a -s "-screen 0 1920x1200x24" ${VIZ} --at ${AT} --screenshot ${OUT}
                        --width ${WIDTH} --height ${HEIGHT} --days 1 -r 3
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "vaxel-viz --screenshot exited ${rc}: ${err}")
endif()
execute_process(COMMAND ${CHECK} ${OUT} ${WIDTH} ${HEIGHT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the screenshot ${OUT} failed its check")
endif()
