"""What the browser tests share: reporting checks in Dutch, the verdict, and headless Chromium."""
failures = []


def check(condition, message):
    """Prints the check as ok or FOUT; a failed one counts for the verdict."""
    if condition:
        print("  ok   " + message)
    else:
        print("  FOUT " + message)
        failures.append(message)


def verdict(failed, passed):
    """The exit status after all checks, with one line saying how it went."""
    if failures:
        print(failed % len(failures))
        return 1
    print(passed)
    return 0


def driver(*extra):
    """Headless Chromium through the Debian chromedriver, 1280 px wide."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000") + extra:
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_script_timeout(180)
    return browser


def run(browser, steps):
    """Runs `steps(browser)` and always closes the browser."""
    try:
        steps(browser)
    finally:
        browser.quit()
