package io.borrowerportal.journey;

import io.borrowerportal.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Loan products page on a 390 px phone (decision 034): an admin adds a product through the real form, the card
 * shows it, nothing on the page is wider than the screen, and axe-core finds no serious WCAG violation.
 */
@PortalJourneyTest
class ProductsJourneyTest {

    @LocalServerPort
    int port;

    @AfterEach
    void signOutTestThread() {
        SignIn.out();
    }

    @Test
    void an_admin_adds_a_product_on_a_phone_and_the_page_fits_the_screen(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        String base = "http://localhost:" + port;
        new LoginPage(browser, base).open().loginAs("admin@example.com", CustomerJourneyTest.PASSWORD);
        browser.open(base + "/staff/products");
        browser.visible(By.id("product-form"));
        String code = "J" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

        for (String[] field : new String[][] {{"product-code", code}, {"product-name", "Boat loan"},
                {"product-rate", "7.25"}, {"product-payments", "84"}}) {
            browser.visible(By.cssSelector("#" + field[0] + " input")).sendKeys(field[1]);
        }
        browser.click(By.id("product-save"));

        assertThat(browser.visible(By.id("products-message")).getText()).isEqualTo("Added " + code + ".");
        assertThat(browser.visible(By.id("name-" + code)).getText()).isEqualTo("Boat loan");
        browser.settle();
        Number pageWidth = (Number) browser.js("return document.documentElement.scrollWidth;");
        Number screenWidth = (Number) browser.js("return window.innerWidth;");
        assertThat(pageWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(screenWidth.intValue());
        WebElement card = browser.visible(By.id("product-" + code));
        assertThat(card.getRect().getX() + card.getRect().getWidth()).isLessThanOrEqualTo(screenWidth.intValue());
        browser.js("arguments[0].scrollIntoView({block: 'center'});", card);
        browser.screenshot("phone");
        AccessibilityJourneyTest.assertAccessible(browser, "phone-products");
    }
}
