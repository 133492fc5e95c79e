package dev.lrrecsys.workbench.ingest.synth;

import java.util.List;

/**
 * One cuisine of the synthetic restaurant world with the words its restaurant names are built from
 * ("Siam" + "Thai" + "Kitchen") and how it leans on price.
 *
 * @param priceLean weights of low, medium, high price for restaurants of this cuisine
 */
record Cuisine(String name, List<String> namePrefixes, List<String> nameNouns, double[] priceLean) {

    static final List<String> COMMON_NOUNS = List.of("Kitchen", "House", "Bistro", "Table", "Garden", "Grill",
            "Cafe", "Eatery", "Dining Room", "Corner");

    static final List<Cuisine> ALL = List.of(
            new Cuisine("Thai", List.of("Siam", "Bangkok", "Lotus", "Orchid", "Chiang Mai", "Jasmine", "Basil",
                    "Golden Elephant", "Sukhothai", "Phuket", "Tamarind", "Lemongrass"),
                    List.of("Noodle Bar", "Street Food"), new double[] {4, 4, 1}),
            new Cuisine("Italian", List.of("Nonna", "Bella", "Roma", "Toscana", "Vesuvio", "Il Forno", "Olivo",
                    "Trastevere", "Da Marco", "Piccolo", "Amalfi", "Sorrento"),
                    List.of("Trattoria", "Osteria", "Pizzeria"), new double[] {2, 4, 2}),
            new Cuisine("Mexican", List.of("El Sol", "La Cantina", "Oaxaca", "Casa Lupita", "Jalisco", "Tres Amigos",
                    "La Palma", "Agave", "Cielo", "Los Arcos", "Tulum", "Puebla"),
                    List.of("Cantina", "Taqueria"), new double[] {5, 3, 1}),
            new Cuisine("Japanese", List.of("Sakura", "Kyoto", "Umi", "Hana", "Koi", "Fuji", "Osaka", "Tsubaki",
                    "Momiji", "Yuzu", "Kaze", "Hinode"),
                    List.of("Sushi Bar", "Izakaya", "Ramen House"), new double[] {1, 3, 4}),
            new Cuisine("Indian", List.of("Taj", "Bombay", "Masala", "Saffron", "Jaipur", "Kerala", "Tandoor",
                    "Mumbai", "Punjab", "Namaste", "Cardamom", "Ganges"),
                    List.of("Curry House", "Tandoori"), new double[] {4, 4, 1}),
            new Cuisine("French", List.of("Le Petit", "Chez Louis", "Maison Rouge", "Provence", "La Belle",
                    "Le Jardin", "Montmartre", "Bordeaux", "Le Coq", "Marseille", "Normandie", "Saint-Germain"),
                    List.of("Brasserie", "Bistro"), new double[] {1, 3, 5}),
            new Cuisine("American", List.of("Liberty", "Main Street", "Route 66", "Blue Ridge", "Golden Gate",
                    "Brooklyn", "Prairie", "Lone Star", "Hudson", "Maple", "Copper Kettle", "Union"),
                    List.of("Diner", "Burger Bar", "Smokehouse"), new double[] {4, 4, 1}),
            new Cuisine("Chinese", List.of("Golden Dragon", "Jade", "Shanghai", "Peking", "Canton", "Szechuan",
                    "Red Lantern", "Bamboo", "Imperial", "Hunan", "Silk Road", "Lucky Star"),
                    List.of("Noodle House", "Dumpling House"), new double[] {5, 3, 1}),
            new Cuisine("Vegan", List.of("Green Leaf", "Sprout", "Harvest", "Sunflower", "Clover", "Fern", "Meadow",
                    "Juniper", "Seedling", "Willow", "Wildflower", "Bloom"),
                    List.of("Juice Bar", "Bowl Bar"), new double[] {2, 5, 1}),
            new Cuisine("Seafood", List.of("Anchor", "Lighthouse", "Blue Marlin", "Pier 9", "Saltwater", "Oyster Bay",
                    "Coral", "Driftwood", "Captain's", "Tide", "Pelican", "Mariner"),
                    List.of("Oyster Bar", "Fish House", "Crab Shack"), new double[] {1, 3, 4}),
            new Cuisine("Greek", List.of("Olympia", "Athena", "Santorini", "Mykonos", "Acropolis", "Aegean",
                    "Delphi", "Crete", "Ithaca", "Kalamata", "Corfu", "Zeus"),
                    List.of("Taverna", "Souvlaki Bar"), new double[] {3, 4, 1}),
            new Cuisine("Korean", List.of("Seoul", "Hanok", "Gangnam", "Arirang", "Busan", "Jeju", "Maru",
                    "Dolsot", "Hallasan", "Sobaek", "Namsan", "Gaya"),
                    List.of("BBQ", "Pocha"), new double[] {3, 4, 2}));
}
