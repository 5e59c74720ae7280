@echo off
rem Runs the show and starts it again within a second if it stops, except when staff chose
rem "Exit app" (exit code 0). Start it at logon (see deploy\README.md).
set KIOSK=%~dp0..\..\.venv\Scripts\kiosk.exe
:loop
"%KIOSK%" run
if %ERRORLEVEL%==0 exit /b 0
timeout /t 1 /nobreak >nul
goto loop
