/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-demo"

#include "config.h"

#include "comptoir-demo-private.h"

/* The demo shop's vocabulary: categories, places, brands and the
 * products of each section, and the names of its members. The generator
 * in comptoir-demo.c draws from these in order, so editing them changes
 * what every seed gives. */

const Category comptoir_demo_categories[N_CATEGORIES] = {
  [CAT_PRODUCE]  = { "Fruits et légumes", 550, "FL" },
  [CAT_BULK]     = { "Vrac", 550, "VR" },
  [CAT_GROCERY]  = { "Épicerie", 550, "EP" },
  [CAT_SWEET]    = { "Épicerie sucrée", 550, "ES" },
  [CAT_FRESH]    = { "Frais", 550, "FR" },
  [CAT_CHEESE]   = { "Fromagerie", 550, "FM" },
  [CAT_BAKERY]   = { "Boulangerie", 550, "BO" },
  [CAT_DRINKS]   = { "Boissons", 550, "BS" },
  [CAT_CELLAR]   = { "Cave", 2000, "CV" },
  [CAT_HYGIENE]  = { "Hygiène", 2000, "HY" },
  [CAT_CLEANING] = { "Entretien", 2000, "EN" },
  [CAT_FROZEN]   = { "Surgelés", 550, "SU" },
  [CAT_PRESS]    = { "Presse", 210, "PR" },
  [CAT_BABY]     = { "Bébé", 550, "BB" },
};

const Place comptoir_demo_places[] = {
  { "France", "de France" },
  { "Bretagne", "de Bretagne" },
  { "Normandie", "de Normandie" },
  { "Provence", "de Provence" },
  { "Val de Loire", "du Val de Loire" },
  { "Sud-Ouest", "du Sud-Ouest" },
  { "Alsace", "d'Alsace" },
  { "Corse", "de Corse" },
  { "Roussillon", "du Roussillon" },
  { "Savoie", "de Savoie" },
  { "Auvergne", "d'Auvergne" },
  { "Franche-Comté", "de Franche-Comté" },
  { "Pays basque", "du Pays basque" },
  { "Espagne", "d'Espagne" },
  { "Italie", "d'Italie" },
  { "Portugal", "du Portugal" },
  { "Maroc", "du Maroc" },
  { "Tunisie", "de Tunisie" },
  { "Pays-Bas", "des Pays-Bas" },
  { "Grèce", "de Grèce" },
  { "Équateur", "d'Équateur" },
  { "Colombie", "de Colombie" },
  { "Côte d'Ivoire", "de Côte d'Ivoire" },
  { "Costa Rica", "du Costa Rica" },
  { "Pérou", "du Pérou" },
  { "Brésil", "du Brésil" },
  { "Sénégal", "du Sénégal" },
  { "Nouvelle-Zélande", "de Nouvelle-Zélande" },
  { "Chili", "du Chili" },
};

const guint comptoir_demo_n_places = G_N_ELEMENTS (comptoir_demo_places);

/* Brands and producers: all invented. */
#define PRODUCERS "Ferme du Bocage|Les Jardins du Marais|Maraîchers Associés|Vergers de Loire|" \
                  "Serres du Midi|Coopérative des Monts|Champignonnière des Caves"
#define GROCERS   "Moulin de la Vallée|Les Champs Unis|Terre Commune|Le Grenier Solidaire|" \
                  "Coopérative des Monts|Terres d'Ici|Le Panier Paysan|Saveurs Partagées|" \
                  "Les Sœurs Meunières|L'Atelier du Goût|La Fourmi Verte|Maison Rivière|" \
                  "Comptoir des Semailles|Les Graines Têtues|Ferme du Bocage"
#define SPICERS   "Épices du Large|Comptoir des Semailles|Les Graines Têtues|Maison Rivière"
#define SWEETS    "Les Sœurs Meunières|Biscuiterie de l'Estuaire|Rucher des Tilleuls|" \
                  "Atelier Cacao|Confiserie Marceline|Vergers de Loire|Le Grenier Solidaire|" \
                  "Terre Commune|Saveurs Partagées"
#define DAIRIES   "Ferme des Prés|Laiterie des Combes|Ferme du Bocage|Laiterie du Haut-Pays|" \
                  "Les Éleveurs Réunis|Ferme de la Source|La Chèvrerie du Causse|" \
                  "Laiterie Coopérative du Bessin|Ferme des Quatre Vents|Les Bergers du Plateau"
#define BUTCHERS  "Les Éleveurs Réunis|Salaisons du Haut-Pays|Ferme de la Source|Maison Berthaud|" \
                  "Ferme du Bocage"
#define TRAITEURS "Terre Commune|L'Atelier du Goût|Le Panier Paysan|Marée du Nord|Saveurs Partagées|" \
                  "Soja d'Ici|Les Cuisines du Marché|Traiteur Anselme"
#define CHEESES   "Fromagerie des Combes|Fromagerie des Tilleuls|Fruitière du Val|Ferme des Prés|" \
                  "La Chèvrerie du Causse|Cave d'affinage Mercier|Les Bergers du Plateau"
#define BAKERS    "Fournil des Coteaux|Le Pain d'Antoine|Fournil Solidaire|Au Levain Vivant|" \
                  "Fournil de la Halle"
#define DRINKERS  "Les Pressoirs Réunis|Vergers de Loire|Source des Crêtes|Limonaderie du Canal|" \
                  "Sirops Marceline|Les Jus du Coteau|Terre Commune"
#define WINERIES  "Domaine des Trois Chênes|Château Lagarenne|Domaine de la Croix Blanche|" \
                  "Clos des Vignerons|Cave coopérative de Saint-Aubin|Domaine Marcellin|" \
                  "Les Vignerons du Ventoux|Domaine du Petit Bois|Château Beauséjour-les-Pins|" \
                  "Domaine Hélène Ribaud"
#define BREWERS   "Brasserie du Canal|Brasserie des Remparts|Brasserie de la Dune|Les Houblons Têtus"
#define CIDERS    "Cidrerie du Bocage|Les Pressoirs Réunis|Domaine du Verger Normand"
#define DISTILLERS "Distillerie des Aulnes|Distillerie du Vieux Port|Maison Armand Roque"
#define SOAPERS   "Savonnerie de l'Étang|Laboratoire des Simples|Les Herbes Folles|" \
                  "Savonnerie du Lavoir|Maison Soline|Atelier Calendula|Les Bulles d'Armor|" \
                  "Savonnerie des Garrigues|Herboristerie du Pont|Cosmétiques Lilou"
#define CLEANERS  "Savonnerie du Lavoir|La Droguerie Coopérative|Net et Vert|Maison Soline|" \
                  "Les Bons Gestes"
#define FREEZERS  "Les Surgelés du Terroir|Terre Commune|Le Panier Paysan|Marée du Nord|" \
                  "Glacier des Alpilles|Pizzeria des Canuts"
#define BABIES    "Petits Pas|Les P'tits Gourmets|Tendre Enfance|Ferme du Bocage|Câlin Coton"

#define FRANCE_FIRST "France|France|France|Bretagne|Provence|Val de Loire|Sud-Ouest|Normandie|" \
                     "Espagne|Italie|Maroc"
#define SOUTH        "Espagne|Espagne|Italie|Maroc|France|Provence|Corse|Tunisie"
#define TROPICS      "Équateur|Colombie|Côte d'Ivoire|Costa Rica|Pérou|Brésil|Sénégal"
#define COMMON_GRADES "||||cat. I|cat. II|extra|de saison|gros calibre"

/* Fruits et légumes au kilo: 1,50 € to 9,90 €/kg, organic included. */
static const Item produce_weighed[] = {
  { "Pommes", "Golden|Gala|Granny Smith|Reine des reinettes|Boskoop|Fuji|Chantecler|Elstar|Braeburn|Canada grise",
    COMMON_GRADES, NULL, NULL, 190, 390, .origins = "France|France|Val de Loire|Sud-Ouest|Normandie|Alsace|Italie" },
  { "Poires", "Conférence|Williams|Comice|Guyot|Passe-Crassane|Louise-Bonne|Beurré Hardy",
    COMMON_GRADES, NULL, NULL, 220, 450, .origins = "France|France|Val de Loire|Provence|Italie|Espagne" },
  { "Bananes", "|Cavendish|plantain|frécinette", "||équitables", NULL, NULL, 170, 320, .origins = TROPICS },
  { "Oranges", "Navel|Valencia|sanguines|à jus|Maltaises", COMMON_GRADES, NULL, NULL, 190, 390,
    .origins = SOUTH },
  { "Clémentines", "|avec feuilles|Nules", COMMON_GRADES, NULL, NULL, 250, 490, .origins = "Corse|Corse|Espagne|Maroc|Italie" },
  { "Mandarines", "|Satsuma", COMMON_GRADES, NULL, NULL, 250, 450, .origins = SOUTH },
  { "Citrons", "jaunes|verts", "|non traités après récolte", NULL, NULL, 290, 590, .origins = "Espagne|Italie|Corse|Maroc|Brésil" },
  { "Pamplemousses", "roses|blancs", COMMON_GRADES, NULL, NULL, 250, 450, .origins = "Espagne|Corse|Maroc" },
  { "Kiwis", "|Hayward|jaunes", COMMON_GRADES, NULL, NULL, 290, 590, .origins = "France|Sud-Ouest|Italie|Nouvelle-Zélande|Chili" },
  { "Raisin", "blanc Italia|noir Muscat de Hambourg|Chasselas|Muscat|sans pépins|Danlas", COMMON_GRADES, NULL, NULL,
    290, 690, .origins = "France|Provence|Italie|Espagne|Chili" },
  { "Abricots", "Bergeron|Orangé de Provence|Rouge du Roussillon|Polonais", COMMON_GRADES, NULL, NULL, 350, 790,
    .origins = "France|Provence|Roussillon|Espagne" },
  { "Pêches", "blanches|jaunes|plates|de vigne", COMMON_GRADES, NULL, NULL, 290, 690,
    .origins = "France|Provence|Roussillon|Espagne|Italie" },
  { "Nectarines", "blanches|jaunes", COMMON_GRADES, NULL, NULL, 290, 590, .origins = "France|Provence|Espagne|Italie" },
  { "Prunes", "Reine-Claude|d'Ente|Quetsches|Golden Japan", COMMON_GRADES, NULL, NULL, 290, 590,
    .origins = "France|Sud-Ouest|Alsace|Espagne" },
  { "Mirabelles", "|de Lorraine", COMMON_GRADES, NULL, NULL, 390, 790, .origins = "France|Alsace" },
  { "Cerises", "Burlat|Bigarreau|Napoléon|Summit", COMMON_GRADES, NULL, NULL, 490, 860,
    .origins = "France|Provence|Espagne|Italie" },
  { "Fraises", "Gariguette|Ciflorette|Charlotte|Cléry|rondes", COMMON_GRADES, NULL, NULL, 490, 860,
    .origins = "France|Sud-Ouest|Bretagne|Val de Loire|Espagne" },
  { "Figues", "violettes|noires|vertes", COMMON_GRADES, NULL, NULL, 490, 860, .origins = "France|Provence|Espagne|Italie|Grèce" },
  { "Tomates", "rondes|grappe|cœur de bœuf|Marmande|noires de Crimée|allongées|anciennes|Roma|cerises",
    COMMON_GRADES, NULL, NULL, 190, 690, .origins = "France|Bretagne|Provence|Sud-Ouest|Espagne|Maroc|Italie" },
  { "Carottes", "|nouvelles|des sables|jaunes|violettes|fanes", COMMON_GRADES, NULL, NULL, 150, 290, .origins = FRANCE_FIRST },
  { "Pommes de terre", "Charlotte|Agata|Bintje|Monalisa|Ratte|Amandine|Nicola|Roseval|grenaille|Désirée",
    "||nouvelles|de conservation|à chair ferme|spéciales purée|spéciales frites", NULL, NULL, 150, 390,
    .origins = "France|France|Bretagne|Normandie|Val de Loire|Espagne" },
  { "Courgettes", "vertes|jaunes|rondes|longues", COMMON_GRADES, NULL, NULL, 190, 450, .origins = FRANCE_FIRST },
  { "Aubergines", "|graffiti|violettes|longues", COMMON_GRADES, NULL, NULL, 250, 490, .origins = FRANCE_FIRST },
  { "Poivrons", "rouges|jaunes|verts|tricolores|pointus", COMMON_GRADES, NULL, NULL, 290, 590, .origins = SOUTH },
  { "Concombres", "|noa|mini", COMMON_GRADES, NULL, NULL, 190, 390, .origins = FRANCE_FIRST },
  { "Oignons", "jaunes|rouges|blancs|doux des Cévennes|rosés de Roscoff", COMMON_GRADES, NULL, NULL, 150, 490,
    .origins = FRANCE_FIRST },
  { "Échalotes", "|grises|longues|cuisse de poulet", COMMON_GRADES, NULL, NULL, 390, 790, .origins = "France|Bretagne|Val de Loire" },
  { "Ail", "blanc|rose|violet|fumé", "||sec|frais", NULL, NULL, 490, 860, .origins = "France|Sud-Ouest|Provence|Espagne" },
  { "Poireaux", "|primeurs|d'hiver", COMMON_GRADES, NULL, NULL, 190, 390, .origins = FRANCE_FIRST },
  { "Navets", "violets|boule d'or|nouveaux", COMMON_GRADES, NULL, NULL, 190, 390, .origins = FRANCE_FIRST },
  { "Panais", "", COMMON_GRADES, NULL, NULL, 250, 490, .origins = FRANCE_FIRST },
  { "Topinambours", "", COMMON_GRADES, NULL, NULL, 290, 490, .origins = FRANCE_FIRST },
  { "Céleri-branche", "|vert|blanc", COMMON_GRADES, NULL, NULL, 190, 390, .origins = FRANCE_FIRST },
  { "Endives", "|de pleine terre|rouges", COMMON_GRADES, NULL, NULL, 290, 590, .origins = "France|France|Normandie|Pays-Bas" },
  { "Épinards", "|en branches|jeunes pousses", COMMON_GRADES, NULL, NULL, 390, 790, .origins = FRANCE_FIRST },
  { "Haricots verts", "|extra-fins|plats|beurre", COMMON_GRADES, NULL, NULL, 390, 860, .origins = "France|Val de Loire|Maroc|Espagne" },
  { "Petits pois à écosser", "", COMMON_GRADES, NULL, NULL, 390, 690, .origins = "France|Val de Loire|Espagne" },
  { "Fèves", "|fraîches", COMMON_GRADES, NULL, NULL, 390, 690, .origins = "France|Provence|Espagne|Maroc" },
  { "Choux de Bruxelles", "", COMMON_GRADES, NULL, NULL, 290, 490, .origins = "France|Bretagne|Normandie|Pays-Bas" },
  { "Betteraves", "crues|chioggia|jaunes|rouges", COMMON_GRADES, NULL, NULL, 190, 390, .origins = FRANCE_FIRST },
  { "Radis noirs", "|ronds|longs", COMMON_GRADES, NULL, NULL, 250, 450, .origins = FRANCE_FIRST },
  { "Patates douces", "|orange|blanches|violettes", COMMON_GRADES, NULL, NULL, 290, 590, .origins = "Espagne|France|Portugal|Sénégal|Brésil" },
  { "Courges", "butternut|potimarron|spaghetti|musquée de Provence|sucrine du Berry|patidou",
    COMMON_GRADES, NULL, NULL, 190, 390, .origins = FRANCE_FIRST },
  { "Champignons de Paris", "blancs|bruns", COMMON_GRADES, NULL, NULL, 490, 860, .origins = "France|Val de Loire|Pays-Bas" },
  { "Pleurotes", "|grises|jaunes", COMMON_GRADES, NULL, NULL, 690, 860, .origins = "France|Val de Loire" },
  { "Châtaignes", "|d'Ardèche", COMMON_GRADES, NULL, NULL, 490, 860, .origins = "France|Corse|Italie|Portugal" },
  { "Gingembre frais", "", "||extra", NULL, NULL, 590, 860, .origins = "Pérou|Brésil|Chili|Côte d'Ivoire" },
  { "Fenouil", "", COMMON_GRADES, NULL, NULL, 250, 490, .origins = SOUTH },
  { "Brocolis", "|violets", COMMON_GRADES, NULL, NULL, 290, 590, .origins = FRANCE_FIRST },
  { "Blettes", "|vertes|colorées", COMMON_GRADES, NULL, NULL, 250, 450, .origins = FRANCE_FIRST },
};

/* Fruits et légumes by the piece, in bunches, trays and nets. */
static const Item produce_packaged[] = {
  { "Salade", "batavia|feuille de chêne|laitue|frisée|scarole|romaine|sucrine|trévise|lollo rossa", "||blonde|rouge",
    NULL, "la pièce|x 2", 99, 199 },
  { "Mâche|Roquette|Mesclun|Jeunes pousses d'épinards|Cresson|Mélange de salades", "", "||lavée|du maraîcher", NULL,
    "100 g|125 g|150 g|250 g=180", 129, 249 },
  { "Champignons de Paris|Pleurotes|Shiitakés|Champignons bruns|Champignons mélangés", "", "||entiers|émincés", NULL,
    "250 g|500 g=180", 179, 349 },
  { "Persil plat|Persil frisé|Coriandre|Ciboulette|Basilic|Menthe|Aneth|Estragon|Thym|Romarin|Cerfeuil|Sauge",
    "", "||frais", NULL, "la botte|le pot=170|25 g=90", 99, 189 },
  { "Concombre|Chou-fleur|Brocoli|Chou vert|Chou rouge|Chou pointu|Potimarron|Butternut|Céleri-rave|Artichaut|Melon charentais|Pastèque|Laitue iceberg",
    "", "||calibre moyen|gros calibre|cat. I|extra", NULL, "la pièce|x 2=180", 99, 349 },
  { "Avocat|Mangue|Ananas|Papaye|Noix de coco|Grenade|Fruit de la passion|Citron vert", "", "||prêt à manger|mûr à point|cat. I",
    NULL, "la pièce|x 2=180|x 3=250", 99, 299, .origins = TROPICS },
  { "Radis roses|Carottes fanes|Poireaux|Oignons nouveaux|Navets nouveaux|Asperges vertes|Asperges blanches|Blettes",
    "", "||primeurs|du maraîcher", NULL, "la botte|500 g=160|1 kg=280", 129, 349 },
  { "Tomates cerises|Tomates cocktail|Fraises|Framboises|Myrtilles|Groseilles|Mûres|Cerises|Physalis",
    "", "||en barquette|extra", NULL, "125 g|250 g|500 g", 199, 449 },
  { "Pommes de terre|Oignons jaunes|Oignons rouges|Échalotes|Carottes|Citrons|Oranges à jus|Clémentines|Pommes|Kiwis",
    "", "||cat. I|de conservation", NULL, "filet de 500 g|filet de 1 kg=170|filet de 2 kg=300|sac de 5 kg=600", 129, 249 },
  { "Betteraves rouges cuites|Châtaignes cuites|Maïs doux en épis|Lentilles germées|Graines germées", "", "||sous vide",
    NULL, "250 g|500 g", 129, 299 },
};

/* Vrac by the kilogram. */
static const Item bulk_weighed[] = {
  { "Lentilles", "vertes du Puy|vertes|corail|beluga|blondes|brunes", "", NULL, NULL, 349, 799 },
  { "Pois chiches|Pois cassés verts|Pois cassés jaunes|Fèves sèches", "", "||décortiqués", NULL, NULL, 299, 599 },
  { "Haricots", "rouges|blancs|coco|noirs|azukis|mungo|lingots|tarbais", "", NULL, NULL, 399, 1490 },
  { "Riz", "basmati|thaï|complet|rond|demi-complet|rouge|noir|long|de Camargue", "", NULL, NULL, 249, 699 },
  { "Pâtes", "penne|fusilli|coquillettes|spaghetti|torsades|macaronis|farfalle|crozets",
    "|complètes|demi-complètes|au blé dur|à l'épeautre|aux œufs", NULL, NULL, 249, 599 },
  { "Quinoa", "blanc|rouge|noir|tricolore", "||de France|d'Anjou", NULL, NULL, 599, 1290 },
  { "Boulgour|Couscous|Semoule|Millet décortiqué|Sarrasin décortiqué|Orge perlé|Épeautre|Polenta|Petit épeautre",
    "", "||complet|fin|moyen", NULL, NULL, 249, 699 },
  { "Farine", "de blé T55|de blé T65|de blé T80|de blé T110|de blé T150|de seigle|d'épeautre|de sarrasin|de pois chiche|de châtaigne|de maïs|de riz",
    "", NULL, NULL, 149, 890 },
  { "Flocons", "d'avoine|d'épeautre|de sarrasin|de riz|de seigle|5 céréales", "||gros|petits", NULL, NULL, 299, 590 },
  { "Muesli|Granola|Céréales soufflées|Pétales de maïs", "",
    "aux fruits|au chocolat|nature|croustillant|aux noix|sans sucres ajoutés|aux fruits rouges", NULL, NULL, 590, 1290 },
  { "Sucre", "blanc|roux|de canne complet|de coco|glace", "||en poudre|cristal", NULL, NULL, 199, 990 },
  { "Amandes|Noisettes|Noix de cajou|Cerneaux de noix|Pistaches|Noix du Brésil|Noix de pécan|Cacahuètes",
    "", "||décortiquées|grillées|entières|nature|émondées", NULL, NULL, 990, 3490 },
  { "Raisins secs|Abricots secs|Figues sèches|Dattes|Pruneaux|Cranberries séchées|Mangue séchée|Bananes séchées|Mélange du randonneur",
    "", "||moelleux|dénoyautés|entiers", NULL, NULL, 790, 2490 },
  { "Graines", "de courge|de tournesol|de lin brun|de lin doré|de chia|de sésame|de chanvre|mélangées", "", NULL, NULL,
    490, 1890 },
  { "Café", "en grains|moulu", "pur arabica|d'Éthiopie|du Pérou|du Honduras|de Colombie|du Mexique|décaféiné|corsé|doux",
    NULL, NULL, 1490, 2990 },
  { "Thé", "vert|noir|Earl Grey|rooibos|chaï|blanc|oolong|sencha|à la menthe", "", NULL, NULL, 2490, 5990 },
  { "Infusion", "verveine|tilleul|camomille|menthe poivrée|thym|hibiscus|fenouil|ortie", "", NULL, NULL, 2990, 6990 },
  { "Chocolat", "palets noirs|pépites noires|palets au lait|mendiants|amandes enrobées|orangettes", "", NULL, NULL, 1490, 3490 },
  { "Biscuits", "sablés|cookies|petits beurre|palets bretons|galettes d'avoine|spéculoos|crackers|bretzels", "||au sarrasin|à l'épeautre",
    NULL, NULL, 890, 1890 },
  { "Bonbons", "aux fruits|à la menthe|au miel|acidulés|à la réglisse|à la violette|gélifiés", "", NULL, NULL, 1290, 2990,
    .vat_bp = 2000 },
  { "Sel", "de Guérande gros|de Guérande fin|de Camargue|gris|aux herbes", "", NULL, NULL, 199, 590, .flags = ITEM_NOT_ORGANIC },
  { "Lessive en poudre|Savon en paillettes|Cristaux de soude|Bicarbonate de soude|Percarbonate de soude|Acide citrique",
    "", "||écologique", NULL, NULL, 390, 990, .vat_bp = 2000, .flags = ITEM_NOT_ORGANIC },
};

/* Vrac by the litre. */
static const Item bulk_liquid[] = {
  { "Huile", "d'olive vierge extra|de tournesol|de colza|de tournesol désodorisée|de noix|de sésame", "||première pression à froid",
    NULL, NULL, 390, 1690 },
  { "Vinaigre", "de cidre|de vin rouge|de vin blanc|balsamique|de Xérès", "", NULL, NULL, 290, 990 },
  { "Sauce soja|Tamari|Sirop d'agave|Sirop d'érable", "", "", NULL, NULL, 790, 2490 },
  { "Lessive liquide|Liquide vaisselle|Savon noir liquide|Vinaigre ménager|Nettoyant multi-usages|Gel douche|Shampooing|Savon liquide",
    "", "||au savon de Marseille|à la lavande|aux agrumes|sans parfum|à l'huile d'olive", NULL, NULL, 290, 890, .vat_bp = 2000,
    .flags = ITEM_NOT_ORGANIC },
  { "Vin", "rouge|blanc|rosé", "de pays|IGP Pays d'Oc|de table", NULL, NULL, 390, 790, .vat_bp = 2000 },
};

static const Item grocery[] = {
  { "Pâtes", "penne|fusilli|spaghetti|coquillettes|torsades|tagliatelles|farfalle|macaronis|linguine|conchiglie|lasagnes|orzo",
    "|complètes|semi-complètes|au blé dur|à l'épeautre|aux œufs frais|sans gluten|de lentilles corail", NULL, "500 g|1 kg", 89, 349 },
  { "Riz", "basmati|thaï|long|rond|complet|noir|rouge|arborio|carnaroli|sauvage", "||de Camargue|étuvé|demi-complet|parfumé",
    NULL, "500 g|1 kg", 149, 499 },
  { "Couscous|Boulgour|Millet|Sarrasin décortiqué|Orge perlé|Petit épeautre", "", "||complet|fin|moyen", NULL, "500 g|1 kg", 129, 449 },
  { "Polenta|Semoule", "", "||instantanée|complète|fine", NULL, "500 g|1 kg", 119, 349 },
  { "Quinoa", "blanc|rouge|noir|tricolore", "||de France|d'Anjou", NULL, "400 g|1 kg=220", 299, 699 },
  { "Lentilles", "vertes|vertes du Puy|corail|beluga|blondes", "||cuisinées|au naturel", NULL, "500 g|1 kg", 189, 549 },
  { "Pois chiches|Haricots rouges|Haricots blancs|Haricots coco|Flageolets|Haricots tarbais|Fèves", "",
    "|au naturel|cuisinés|secs", NULL, "400 g|500 g|1 kg", 149, 449 },
  { "Farine", "de blé T55|de blé T65|de blé T80|de blé T110|de seigle|d'épeautre|de sarrasin|de pois chiche|de riz|de châtaigne",
    "||complète|bise|fluide", NULL, "1 kg|500 g=60", 119, 449 },
  { "Huile", "d'olive vierge extra|de tournesol|de colza|de noix|de sésame|de coco|de noisette|d'arachide",
    "||première pression à froid|désodorisée|de Provence|de Crète", NULL, "50 cl|75 cl=140|1 L=180", 299, 1299 },
  { "Vinaigre", "de cidre|balsamique de Modène|de vin rouge|de Xérès|blanc d'alcool|de framboise|de riz", "||au miel|vieilli en fût",
    NULL, "50 cl|1 L", 149, 599 },
  { "Moutarde", "de Dijon|à l'ancienne|au miel|à l'estragon|au piment d'Espelette|violette", "||forte|douce", NULL,
    "200 g|370 g", 129, 349 },
  { "Sauce tomate", "basilic|nature|aux olives|arrabbiata|bolognaise végétale|aux champignons|aux légumes du soleil",
    "||cuisinée|à la provençale|de Provence", NULL, "350 g|690 g", 169, 399 },
  { "Coulis de tomates|Tomates pelées|Concentré de tomates|Tomates concassées", "", "||de Provence|d'Italie|au basilic", NULL,
    "200 g|400 g|700 g", 99, 299 },
  { "Thon", "au naturel|à l'huile d'olive|à la tomate|à la catalane", "||albacore|listao|pêché à la ligne", NULL,
    "140 g|3 x 80 g=160", 249, 699, .flags = ITEM_NOT_ORGANIC },
  { "Sardines|Maquereaux|Anchois|Filets de harengs", "", "|à l'huile d'olive|au citron|à la tomate|au piment|au vin blanc|à la moutarde|millésimées",
    NULL, "115 g|176 g", 199, 599, .flags = ITEM_NOT_ORGANIC },
  { "Petits pois|Haricots verts|Maïs doux|Champignons émincés|Cœurs d'artichauts|Lentilles cuisinées|Ratatouille|Cassoulet|Choucroute cuisinée|Chili sin carne",
    "", "||en bocal|à l'ancienne|recette traditionnelle", NULL, "400 g|800 g", 129, 599 },
  { "Soupe", "de légumes|de potiron|poireaux pommes de terre|de tomates|de lentilles corail|miso|de petits pois|de courgettes|de châtaignes",
    "||veloutée|moulinée|à l'ancienne", NULL, "50 cl|1 L", 199, 449 },
  { "Bouillon", "de légumes|de volaille|de bœuf|dégraissé", "||en cubes|en poudre|sans huile de palme", NULL, "80 g|150 g", 129, 349 },
  { "Cumin|Curcuma|Paprika fumé|Cannelle|Curry doux|Ras el hanout|Poivre noir|Poivre de Kampot|Piment d'Espelette|Herbes de Provence|Gingembre|Muscade|Coriandre|Cardamome|Quatre-épices",
    "", "||en poudre|en grains|moulu", NULL, "30 g|50 g|100 g", 179, 649, .brands = SPICERS },
  { "Sel", "fin|gros|de Guérande fin|de Guérande gros|aux herbes|fumé|de Camargue", "", NULL, "250 g|500 g|1 kg", 99, 499,
    .flags = ITEM_NOT_ORGANIC },
  { "Fleur de sel", "|de Guérande|de Camargue|de Noirmoutier", "", NULL, "125 g|250 g", 299, 699, .flags = ITEM_NOT_ORGANIC },
  { "Café", "moulu|en grains|soluble", "pur arabica|arabica-robusta|d'Éthiopie|du Pérou|du Honduras|décaféiné|de Colombie|du Mexique|corsé",
    "||équitable", "250 g|500 g=190|1 kg=360", 299, 699 },
  { "Thé", "vert|noir|Earl Grey|rooibos|blanc|oolong|chaï|à la menthe|fumé|au jasmin", "||de Chine|du Japon|d'Inde|de Ceylan",
    NULL, "20 sachets|100 g", 249, 799 },
  { "Infusion", "verveine|tilleul|camomille|menthe poivrée|thym citron|fenouil|gingembre citron|du soir|digestion",
    "", NULL, "20 sachets|50 g", 199, 549 },
  { "Chips", "nature|au sel de Guérande|au paprika|au vinaigre|à l'ancienne|de légumes|ondulées|au poivre|au romarin", "", NULL,
    "125 g|150 g|250 g", 129, 349 },
  { "Olives", "vertes|noires|de Kalamata|de Nyons|cassées|Lucques", "||dénoyautées|à la provençale|marinées à l'ail",
    NULL, "150 g|250 g", 199, 599 },
  { "Galettes", "de riz|de maïs|de sarrasin|de quinoa|multicéréales|d'épeautre", "||au sel de Guérande|nature|fines", NULL,
    "100 g|130 g", 129, 299 },
  { "Tapenade|Caviar d'aubergine|Tartinade de lentilles|Tartinade de pois chiches|Crème d'artichaut|Tomates séchées",
    "", "||noire|verte|aux herbes", NULL, "90 g|180 g", 199, 449 },
  { "Purée", "d'amandes|de cacahuètes|de noisettes|de cajou|de sésame", "||complète|blanche|crunchy", NULL, "250 g|500 g", 349, 1099 },
  { "Lait de coco|Crème de coco", "", "||léger|épais", NULL, "20 cl|40 cl", 149, 349 },
  { "Sauce soja|Tamari|Shoyu|Sauce nuoc-mâm", "", "||réduite en sel", NULL, "25 cl|50 cl", 199, 599 },
  { "Mayonnaise", "|aux œufs plein air|à l'huile de colza|à l'huile d'olive", "||allégée|à l'ancienne|au citron", NULL,
    "235 g|470 g", 149, 399 },
  { "Ketchup|Sauce barbecue|Sauce curry|Sauce tartare|Sauce aigre-douce", "", "||épicée|douce|fumée|sans sucres ajoutés",
    NULL, "250 g|500 g", 149, 399 },
  { "Pesto", "au basilic|rosso|à l'ail des ours|aux noix|à la roquette", "||sans fromage|vegan", NULL, "130 g|190 g", 249, 549 },
  { "Nouilles", "de riz|udon|soba|ramen|aux œufs|de konjac", "||complètes|fines|larges", NULL, "250 g|400 g", 149, 399 },
  { "Vermicelles|Tapioca|Fécule de maïs", "", "||de riz|fins", NULL, "250 g|500 g", 99, 299 },
  { "Algues", "nori|wakamé|dulse|kombu|salade du pêcheur", "||de Bretagne", NULL, "25 g|50 g", 249, 599 },
};

static const Item sweet[] = {
  { "Chocolat", "noir 70 %|noir 85 %|au lait|noir aux amandes|au lait noisettes|noir orange|noir au sel de Guérande|pâtissier 64 %|noir quinoa soufflé|au lait caramel",
    "||équitable|de Madagascar|du Pérou|d'Équateur|extra-fin", NULL, "100 g|200 g", 189, 549, .brands = "Atelier Cacao|" SWEETS },
  { "Pâte à tartiner", "aux noisettes|cacao noisettes|au praliné|au spéculoos|amandes chocolat", "||sans huile de palme|croquante",
    NULL, "350 g|750 g", 299, 799 },
  { "Confiture", "de fraises|d'abricots|de framboises|de figues|de myrtilles|de cerises noires|de rhubarbe|de mirabelles|de cassis|de groseilles|de prunes|de châtaignes",
    "||extra|allégée en sucre|à l'ancienne", NULL, "220 g|370 g", 249, 599 },
  { "Marmelade", "d'oranges amères|de citrons|de pamplemousses", "||à l'ancienne", NULL, "250 g|370 g", 279, 549 },
  { "Miel", "de fleurs|d'acacia|de châtaignier|de lavande|de montagne|de sapin|de tilleul|de sarrasin|de thym|toutes fleurs|de bruyère",
    "||crémeux|liquide|de France", NULL, "250 g|500 g=180|1 kg=330", 399, 899, .brands = "Rucher des Tilleuls|Les Abeilles du Causse|" SWEETS },
  { "Biscuits|Sablés|Cookies|Palets|Galettes bretonnes|Petits beurre|Spéculoos|Madeleines|Gaufrettes|Boudoirs|Crêpes dentelle|Financiers",
    "", "|au beurre|au chocolat noir|au citron|aux amandes|à l'épeautre|au sarrasin|aux pépites de chocolat|à la noix de coco|au caramel beurre salé|aux figues|à l'avoine",
    NULL, "100 g|150 g|200 g|300 g", 149, 449 },
  { "Muesli|Granola|Pétales de blé|Pétales de maïs|Boules de céréales|Flocons d'avoine", "",
    "|aux fruits secs|au chocolat noir|aux noix|sans sucres ajoutés|croustillant|aux fruits rouges|nature", NULL,
    "375 g|500 g|1 kg", 249, 699 },
  { "Sucre", "blanc|roux|de canne complet|glace|vergeoise brune|de coco", "||en morceaux|en poudre", NULL, "500 g|1 kg", 129, 399 },
  { "Compote", "pomme|pomme-poire|pomme-fraise|pomme-abricot|pomme-rhubarbe|pomme-châtaigne|pomme-mangue",
    "||sans sucres ajoutés|allégée", NULL, "4 x 100 g|680 g", 149, 399 },
  { "Sirop d'érable|Sirop d'agave|Crème de marrons|Caramel beurre salé|Lait concentré sucré|Mélasse", "", "||ambré|foncé",
    NULL, "250 g|500 g", 299, 999 },
  { "Amandes|Noisettes|Noix de cajou|Abricots secs|Raisins secs|Dattes Medjool|Figues sèches|Pruneaux|Cranberries séchées|Mélange montagnard",
    "", "||qualité extra|origine France|nature", NULL, "125 g|250 g|500 g", 199, 699 },
  { "Bonbons|Guimauves|Réglisse|Pâtes de fruits|Nougat|Calissons|Caramels|Sucettes|Berlingots|Chewing-gums",
    "", "|aux fruits|à la menthe|au miel|tendres|acidulés|à la violette|au citron|à la framboise", NULL, "100 g|150 g|250 g",
    199, 699, .vat_bp = 2000 },
  { "Barres", "de céréales|énergétiques|aux fruits secs|chocolat noisettes|amandes miel", "||croustillantes|moelleuses",
    NULL, "x 4|x 6", 199, 399 },
  { "Préparation pour", "crêpes|gâteau au chocolat|pancakes|pain d'épices|brownie|cookies|gaufres|fondant", "||sans gluten",
    NULL, "300 g|400 g", 199, 449 },
  { "Pain d'épices|Cake|Quatre-quarts|Brioche|Gâteau breton", "", "||au miel|pur beurre|aux fruits confits|à l'orange", NULL,
    "250 g|400 g", 199, 549 },
  { "Levure chimique|Sucre vanillé|Levure de boulanger", "", "", NULL, "x 5|x 10=180", 99, 199 },
  { "Gousses de vanille", "", "||de Madagascar|de Tahiti|Bourbon", NULL, "x 2|x 3=140", 399, 799 },
  { "Cacao en poudre|Agar-agar|Arôme naturel de vanille|Fécule de pomme de terre", "", "||non sucré|pur", NULL,
    "50 g|250 g=300", 199, 399 },
};

static const Item fresh[] = {
  { "Lait", "demi-écrémé|entier|écrémé", "||microfiltré|frais pasteurisé|UHT|de montagne|de foin|cru", NULL, "1 L|50 cl=60|6 x 1 L=560",
    89, 189, .brands = DAIRIES },
  { "Yaourts", "nature|à la vanille|aux fruits rouges|à la fraise|au citron|à la myrtille|au miel|à l'abricot|à la framboise|à la châtaigne",
    "||brassés|au lait entier|au lait de brebis|au lait de chèvre|à la grecque|0 %", NULL, "4 x 125 g|8 x 125 g=180|500 g=110",
    149, 399, .brands = DAIRIES },
  { "Fromage blanc", "nature|à la vanille|aux fruits", "||0 %|20 %|40 %|battu|en faisselle", NULL, "500 g|1 kg", 149, 399,
    .brands = DAIRIES },
  { "Beurre", "doux|demi-sel|salé aux cristaux de sel|de baratte doux|de baratte demi-sel|tendre",
    "||AOP Charentes-Poitou|d'Isigny AOP|au lait cru|de montagne", NULL, "125 g|250 g", 199, 549, .brands = DAIRIES },
  { "Crème", "fraîche épaisse|fraîche liquide|légère|d'Isigny AOP|de soja|d'avoine", "||entière|30 %|15 %", NULL,
    "20 cl|50 cl", 139, 399, .brands = DAIRIES },
  { "Œufs", "frais plein air|frais de poules élevées en plein air|frais extra|frais fermiers|frais de plein air label rouge",
    "||calibre moyen|gros calibre|mixtes", "||de Bretagne|de Normandie|d'Alsace|du Sud-Ouest", "x 6|x 12=190|x 4=70", 199, 399, .brands = "Ferme de la Source|Ferme du Bocage|Les Éleveurs Réunis" },
  { "Tofu", "nature|fumé|aux herbes|lactofermenté|soyeux|mariné au tamari|aux olives", "", NULL, "200 g|250 g", 199, 399,
    .brands = TRAITEURS },
  { "Seitan|Tempeh|Galettes végétales|Steaks végétaux|Falafels|Boulettes végétales", "",
    "|nature|aux légumes|au curry|aux herbes|fumé|à la provençale", NULL, "200 g|2 x 100 g", 249, 499, .brands = TRAITEURS },
  { "Jambon", "blanc|cuit supérieur|sec|de Bayonne|de pays|à l'os|fumé|de Savoie", "||sans nitrite|au torchon|découenné",
    NULL, "4 tranches|2 tranches=55|6 tranches=150", 249, 699, .brands = BUTCHERS },
  { "Saucisson sec|Rillettes|Pâté de campagne|Terrine de campagne|Chorizo|Lardons|Saucisses de Toulouse|Saucisses de Strasbourg|Boudin noir|Andouille",
    "", "|pur porc|au piment d'Espelette|aux noisettes|fumés|aux herbes|à l'ancienne|sans nitrite", NULL,
    "200 g|250 g|400 g", 249, 799, .brands = BUTCHERS },
  { "Filets de poulet|Cuisses de poulet|Escalopes de dinde|Aiguillettes de poulet|Pilons de poulet", "",
    "|label rouge|fermier|jaune|des Landes", NULL, "300 g|500 g|1 kg=260", 349, 1099, .brands = BUTCHERS },
  { "Steaks hachés|Bœuf bourguignon|Côtes de porc|Rôti de porc|Sauté de veau|Merguez|Chipolatas|Émincé de bœuf", "",
    "|fermier|label rouge|d'Auvergne|de l'Aveyron|du Limousin|élevé en plein air", NULL, "2 x 125 g|4 x 100 g|500 g", 349, 799,
    .brands = BUTCHERS },
  { "Houmous|Caviar d'aubergine|Tzatziki|Guacamole|Taboulé|Salade de lentilles|Carottes râpées|Céleri rémoulade",
    "", "|nature|au citron|aux poivrons|à la menthe|au cumin|oriental|à l'huile d'olive", NULL, "150 g|250 g", 199, 449,
    .brands = TRAITEURS },
  { "Pâtes fraîches|Raviolis|Gnocchis|Tortellinis|Ravioles du Dauphiné", "",
    "|à la ricotta|aux cèpes|au basilic|aux épinards|aux trois fromages|nature|aux légumes", NULL, "250 g|400 g", 199, 499,
    .brands = TRAITEURS },
  { "Crème dessert|Riz au lait|Mousse au chocolat|Flan|Panna cotta|Île flottante|Crème brûlée", "",
    "|à la vanille|au chocolat|au caramel|au café|à la pistache|au lait entier", NULL, "4 x 100 g|2 x 125 g", 149, 349,
    .brands = DAIRIES },
  { "Pâte feuilletée|Pâte brisée|Pâte sablée|Pâte à pizza", "", "|pur beurre|à l'huile d'olive|complète|à l'épeautre", NULL,
    "230 g|280 g", 129, 299, .brands = TRAITEURS },
  { "Saumon fumé|Truite fumée|Filets de maquereaux fumés|Rillettes de thon|Rillettes de saumon", "",
    "|d'Écosse|de Norvège|de France|au poivre|label rouge|d'Irlande", NULL, "4 tranches|6 tranches=140|200 g", 399, 999,
    .brands = "Marée du Nord|Fumaisons de la Côte|Les Pêcheurs d'Étel" },
  { "Jus d'orange frais|Smoothie|Gaspacho|Soupe fraîche", "", "|pressé|mangue passion|fraise banane|andalou|de courgettes|de potiron",
    NULL, "25 cl|1 L=280", 149, 349, .brands = DRINKERS },
};

static const Item cheese_cut[] = {
  { "Comté", "AOP|AOP fruité|AOP de montagne", "6 mois|12 mois|18 mois|24 mois|30 mois", NULL, NULL, 1790, 2990,
    .origins = "Franche-Comté" },
  { "Beaufort|Abondance|Tomme de Savoie|Reblochon|Tome des Bauges", "|AOP|fermier|d'alpage|AOP au lait cru", "||jeune|affiné|vieux",
    NULL, NULL, 1490, 2990, .origins = "Savoie" },
  { "Morbier|Mont d'Or|Bleu de Gex", "|AOP|au lait cru|fermier", "||affiné", NULL, NULL, 1490, 2990, .origins = "Franche-Comté" },
  { "Cantal|Salers|Laguiole|Saint-Nectaire|Bleu d'Auvergne|Fourme d'Ambert", "|AOP|fermier|AOP au lait cru",
    "||jeune|entre-deux|vieux|affiné", NULL, NULL, 1290, 2990, .origins = "Auvergne" },
  { "Ossau-Iraty|Tomme de brebis", "|AOP|fermier|des Pyrénées", "||6 mois|12 mois|affiné", NULL, NULL, 1990, 2990,
    .origins = "Pays basque|Sud-Ouest" },
  { "Roquefort", "|AOP", "||de caractère|doux", NULL, NULL, 2290, 2990, .origins = "Sud-Ouest" },
  { "Mimolette|Emmental|Raclette|Tomme|Tomme de chèvre|Munster|Époisses|Brie de Meaux|Brie de Melun",
    "|fermier|au lait cru|de montagne|AOP|fumée|au poivre|à l'ail des ours", "||jeune|affiné|vieux|extra-vieux", NULL, NULL,
    1250, 2990, .origins = "France|France|Normandie|Alsace|Bretagne" },
  { "Parmigiano Reggiano|Pecorino|Grana Padano|Gorgonzola|Taleggio|Asiago", "|AOP|DOP", "||24 mois|12 mois|affiné|doux",
    NULL, NULL, 1490, 2990, .origins = "Italie" },
  { "Gouda|Manchego|Feta", "|au cumin|aux orties|vieux|AOP", "||affiné|jeune", NULL, NULL, 1290, 2790,
    .origins = "Pays-Bas|Espagne|Grèce" },
};

static const Item cheese_packaged[] = {
  { "Camembert|Brie|Coulommiers|Chaource|Pont-l'Évêque|Livarot|Neufchâtel|Saint-Marcellin|Carré de l'Est|Pavé d'Affinois",
    "|au lait cru|fermier|AOP|au lait pasteurisé|moulé à la louche", "||affiné|crémeux", NULL, "125 g|200 g|250 g", 199, 499,
    .origins = "France|Normandie|Normandie|Val de Loire" },
  { "Crottin de chèvre|Bûche de chèvre|Valençay|Sainte-Maure|Pélardon|Rocamadour|Chèvre frais|Picodon", "|fermier|AOP|au lait cru|cendré",
    "||frais|demi-sec|sec|affiné", NULL, "60 g|150 g|250 g", 149, 349, .origins = "France|Val de Loire|Sud-Ouest|Provence" },
  { "Mozzarella|Burrata|Feta|Ricotta|Mascarpone|Halloumi|Scamorza", "|di bufala|AOP|fumée|au lait entier", "", NULL,
    "125 g|200 g|250 g", 149, 549, .origins = "Italie|Italie|Grèce|France" },
  { "Emmental râpé|Comté râpé|Parmesan râpé|Mélange trois fromages râpé|Copeaux de parmesan", "", "||au lait cru", NULL,
    "100 g|200 g|500 g", 149, 499, .origins = "France|Franche-Comté|Italie" },
  { "Cancoillotte|Fromage frais|Faisselle|Petits-suisses|Carré frais", "", "|nature|à l'ail|aux herbes|au beurre|au lait entier",
    NULL, "150 g|250 g|6 x 60 g", 129, 399, .origins = "France|Franche-Comté|Normandie" },
};

static const Item bakery[] = {
  { "Pain", "de campagne|complet|aux céréales|de seigle|au levain|aux noix|aux figues|de mie|d'épeautre|sans gluten|aux olives|au sarrasin|petit épeautre|aux graines",
    "||tranché|moulé|boule|bâtard|T80", NULL, "400 g|500 g|800 g|1 kg", 199, 699 },
  { "Baguette", "tradition|classique|aux céréales|complète|de campagne|au levain", "||bien cuite|pas trop cuite", NULL,
    "250 g|la demie=55", 99, 149 },
  { "Croissant|Pain au chocolat|Pain aux raisins|Chausson aux pommes|Pain au lait|Kouign-amann|Chouquettes|Brioche au sucre",
    "", "||pur beurre|au beurre AOP", NULL, "la pièce|x 4=350|x 6=500", 99, 229 },
  { "Far breton|Flan pâtissier|Cake au citron|Tarte aux pommes|Gâteau basque|Cannelés|Fougasse|Tarte aux fraises|Éclair au chocolat",
    "", "||pur beurre|maison|aux pruneaux", NULL, "la part|500 g=300", 199, 399 },
  { "Brioche", "tressée|vendéenne|à la tête|au sucre perlé|aux pépites de chocolat", "||pur beurre", NULL, "400 g|600 g", 299, 649 },
  /* Sold to be eaten straight away: 10 %. */
  { "Sandwich", "jambon-beurre|poulet crudités|thon crudités|végétarien|chèvre miel|saumon fumé|rillettes cornichons|comté salade|houmous légumes",
    "||baguette|pain complet|pain aux céréales|pain de mie", NULL, "la pièce", 350, 690, .vat_bp = 1000 },
  { "Part de quiche|Part de pizza|Wrap|Croque-monsieur|Feuilleté", "",
    "lorraine|aux poireaux|chèvre épinards|saumon brocoli|aux légumes du soleil|au thon|au fromage", NULL, "la pièce", 290, 590,
    .vat_bp = 1000 },
  { "Salade composée", "niçoise|César|de lentilles|de quinoa|piémontaise|de pâtes au pesto|grecque|taboulé libanais",
    "||avec fourchette", NULL, "250 g|350 g", 390, 690, .vat_bp = 1000 },
};

static const Item drinks[] = {
  { "Jus", "d'orange|de pomme|de raisin|multifruit|de pamplemousse|d'ananas|de tomate|de carotte|de poire|de pomme-cassis|de clémentine|de pomme-framboise",
    "||pur jus|pressé|à base de concentré|100 % fruits|trouble|artisanal", NULL, "25 cl|1 L=260|1,5 L=340|3 L=620", 89, 189 },
  { "Nectar", "d'abricot|de mangue|de poire|de pêche de vigne|de goyave|de fruits rouges|de myrtille", "||artisanal",
    NULL, "75 cl|1 L", 199, 399 },
  { "Eau", "minérale naturelle|de source|gazeuse|pétillante|minérale gazeuse", "|des Alpes|d'Auvergne|des Vosges|des Pyrénées|faiblement minéralisée",
    NULL, "50 cl|1 L=150|1,5 L=170|6 x 1,5 L=800", 39, 99, .brands = "Source des Crêtes|Source du Haut-Pays|Source Sainte-Odile",
    .flags = ITEM_NOT_ORGANIC },
  { "Limonade|Cola|Soda|Tonic|Ginger beer|Thé glacé|Kombucha|Ginger ale|Orangeade",
    "", "|artisanale|au citron|à l'orange|à la framboise|au gingembre|à la pêche|à la menthe|au sureau|sans sucres ajoutés",
    NULL, "33 cl|75 cl=160|1 L=190|4 x 33 cl=350|6 x 33 cl=500", 99, 249 },
  { "Sirop", "de grenadine|de menthe|de citron|de fraise|de sureau|de cassis|d'orgeat|de pêche|de violette|de gingembre",
    "||artisanal|sans colorants", NULL, "50 cl|75 cl|1 L", 249, 599 },
  { "Boisson", "avoine|soja|amande|riz|noisette|coco|épeautre|soja chocolat|avoine barista|châtaigne",
    "||nature|sans sucres ajoutés|au calcium", NULL, "1 L|6 x 1 L=550", 149, 349 },
  { "Café froid|Eau de coco|Maté infusé", "", "||à la vanille|sans sucre|pétillant", NULL, "25 cl|1 L=300", 149, 299 },
  { "Chicorée|Chocolat en poudre|Boisson au cacao", "", "||instantanée|à la vanille|sans sucre|maigre", NULL,
    "250 g|500 g", 199, 499 },
};

static const Item cellar[] = {
  { "Vin rouge|Vin blanc|Vin rosé",
    "AOP Bordeaux|AOP Côtes-du-Rhône|AOP Bourgogne|AOP Beaujolais|IGP Pays d'Oc|AOP Côtes de Provence|AOP Saumur|AOP Cahors|AOP Madiran|AOP Chinon|AOP Minervois|AOP Corbières|AOP Alsace|AOP Touraine|AOP Bergerac|AOP Gaillac|IGP Côtes de Gascogne|Vin de France|AOP Saint-Émilion|AOP Languedoc|AOP Fitou|AOP Vouvray|AOP Anjou|AOP Mâcon-Villages|AOP Costières de Nîmes|AOP Ventoux|AOP Luberon|AOP Jurançon",
    "||vieilles vignes|cuvée Tradition|cuvée Prestige|nature|élevé en fût de chêne|sans sulfites ajoutés|fruité",
    "|2018|2019|2020|2021|2022|2023", "75 cl|37,5 cl=55|150 cl=210", 400, 2500, .origins = "France", .brands = WINERIES },
  { "Crémant de Bourgogne|Crémant de Loire|Crémant d'Alsace|Clairette de Die|Blanquette de Limoux|Vin mousseux",
    "brut|extra-brut|demi-sec|rosé brut", "||millésimé", NULL, "75 cl", 790, 1690, .origins = "France", .brands = WINERIES },
  { "Champagne", "brut|extra-brut|demi-sec|rosé|blanc de blancs", "||premier cru|millésimé", NULL, "75 cl", 2290, 3990,
    .origins = "France", .brands = "Champagne Lemaire-Aubry|Champagne Vautrin Père et Fils|Champagne des Coteaux" },
  { "Bière", "blonde|blanche|ambrée|brune|IPA|triple|de saison|stout|rousse|de Noël|sans gluten",
    "||artisanale|non filtrée|houblonnée à cru|de Bretagne|du Nord|d'Alsace", "|4,5 % vol.|5 % vol.|5,5 % vol.|6 % vol.|6,5 % vol.|7 % vol.|8 % vol.|9 % vol.",
    "33 cl|75 cl=200|4 x 33 cl=380|6 x 25 cl=420",
    149, 399, .brands = BREWERS },
  { "Cidre|Poiré", "brut|doux|demi-sec|rosé|extra-brut", "||fermier|de Normandie|de Bretagne|AOP Pays d'Auge|AOP Cornouaille",
    "|2,5 % vol.|4 % vol.|5 % vol.|5,5 % vol.", "75 cl|33 cl=50", 249, 599, .brands = CIDERS },
  { "Whisky", "single malt|blended|tourbé|pur malt", "||10 ans|12 ans|breton|alsacien|français", "|40 % vol.|43 % vol.|46 % vol.", "70 cl|35 cl=55",
    2490, 5490, .brands = DISTILLERS },
  { "Rhum", "blanc agricole|ambré|vieux|arrangé", "||de Martinique|de Guadeloupe|de La Réunion", "|40 % vol.|50 % vol.|55 % vol.", "70 cl|35 cl=55",
    1690, 4290, .brands = DISTILLERS },
  { "Calvados|Cognac|Armagnac|Eau-de-vie de poire|Eau-de-vie de mirabelle", "|VS|VSOP|XO|hors d'âge|3 ans|6 ans", "",
    "|40 % vol.|42 % vol.|45 % vol.", "70 cl|35 cl=55", 2290, 5990, .brands = DISTILLERS },
  { "Gin|Vodka|Pastis|Liqueur de cassis|Crème de cassis|Liqueur de châtaigne|Vermouth|Apéritif à la gentiane", "",
    "||aux herbes|artisanal|de Provence|de Bourgogne|floral", "|15 % vol.|18 % vol.|20 % vol.|40 % vol.|45 % vol.", "70 cl|50 cl=75", 1290, 3490, .brands = DISTILLERS },
};

static const Item hygiene[] = {
  { "Savon", "de Marseille|d'Alep|surgras|au lait de chèvre|à l'huile d'olive|à la lavande|au miel|exfoliant|à l'argile verte|au charbon",
    "||saponifié à froid|solide", "||sans parfum|parfum lavande|parfum verveine|parfum rose", "100 g|125 g|2 x 100 g=180",
    249, 599, .brands = SOAPERS },
  { "Savon liquide|Gel douche|Bain moussant|Huile lavante", "",
    "|à l'amande douce|à la fleur d'oranger|au thé vert|au monoï|à la verveine|surgras|au lait d'avoine|sans parfum",
    NULL, "250 ml|500 ml|1 L", 249, 699, .brands = SOAPERS },
  { "Shampooing", "cheveux normaux|cheveux secs|cheveux gras|doux usage fréquent|antipelliculaire|à l'ortie|au rhassoul|au miel",
    "||solide|sans sulfates", "||à l'huile de jojoba|au citron|au romarin", "250 ml|500 ml|1 L", 299, 599, .brands = SOAPERS },
  { "Après-shampooing|Masque capillaire|Huile pour cheveux", "", "|au karité|à l'argan|au ricin|démêlant", NULL,
    "150 ml|200 ml", 399, 999, .brands = SOAPERS },
  { "Dentifrice", "menthe fraîche|à l'argile|au fluor|pour enfants|sans fluor|blancheur|au charbon|à la réglisse|à la sauge",
    "||solide|en gel|au xylitol|aux plantes", "||en tube recyclable", "75 ml|100 ml", 199, 599, .brands = SOAPERS },
  { "Brosse à dents", "souple|médium|extra-souple|enfant", "||en bambou|en bioplastique|à tête rechargeable", NULL, "x 1|x 2=180",
    199, 499, .flags = ITEM_NOT_ORGANIC },
  { "Déodorant", "à la pierre d'alun|sans sels d'aluminium|bille|spray|solide|à la sauge|aux agrumes|au bicarbonate",
    "||48 h|peaux sensibles", "||sans parfum|à la lavande|à la rose", "50 ml|100 ml", 349, 899, .brands = SOAPERS },
  { "Crème hydratante|Crème mains|Baume à lèvres|Huile de massage|Lait corporel|Crème solaire SPF 30|Crème solaire SPF 50|Beurre de karité|Eau micellaire",
    "", "|au karité|à l'aloe vera|à l'amande douce|au calendula|peaux sensibles|à la rose", NULL,
    "50 ml|100 ml=170|200 ml=250", 299, 899, .brands = SOAPERS },
  /* Menstrual protection is taxed at 5.5 % in France. */
  { "Serviettes hygiéniques|Protège-slips", "", "normal|super|nuit|ultra-fines|mini", "||en coton|avec ailettes|sans parfum",
    "x 10|x 16=150|x 24=210", 199, 499, .vat_bp = 550, .brands = "Câlin Coton|Maison Soline|Atelier Calendula|Cosmétiques Lilou" },
  { "Tampons", "", "normal|super|super plus|mini", "||en coton|avec applicateur|sans applicateur",
    "x 16|x 24=140|x 32=180", 199, 499, .vat_bp = 550, .brands = "Câlin Coton|Maison Soline|Atelier Calendula|Cosmétiques Lilou" },
  { "Coupe menstruelle|Culotte menstruelle", "taille S|taille M|taille L", "||flux léger|flux abondant", NULL, "la pièce",
    1490, 3490, .vat_bp = 550, .brands = "Câlin Coton|Maison Soline|Atelier Calendula", .flags = ITEM_NOT_ORGANIC },
  { "Papier toilette|Mouchoirs|Cotons démaquillants|Cotons-tiges|Coton hydrophile", "",
    "|recyclé|double épaisseur|triple épaisseur|lavables|en bambou|compostables", NULL, "x 4|x 6=140|x 12=260", 199, 499,
    .flags = ITEM_NOT_ORGANIC, .brands = CLEANERS },
  { "Rasoir de sûreté|Peigne|Brosse à cheveux|Lime à ongles|Coupe-ongles", "", "|en bois|en acier|en bambou|en corne",
    NULL, "la pièce", 299, 1990, .flags = ITEM_NOT_ORGANIC },
  { "Lames de rasoir", "", "||en acier inoxydable", NULL, "x 5|x 10=180", 299, 599, .flags = ITEM_NOT_ORGANIC },
};

static const Item cleaning[] = {
  { "Liquide vaisselle", "citron|sans parfum|au vinaigre|menthe|à l'aloe vera|pamplemousse|lavande",
    "||écologique|concentré|hypoallergénique", NULL, "500 ml|750 ml|1 L", 179, 449, .brands = CLEANERS },
  { "Lessive", "liquide|en poudre|en paillettes de savon|au savon de Marseille|hypoallergénique|au lait d'ânesse|linge délicat",
    "||concentrée|écologique|sans parfum|à la lavande|à la fleur de coton", NULL, "1,5 L|3 L=190|2 kg=160", 499, 1099,
    .brands = CLEANERS },
  { "Tablettes lave-vaisselle|Poudre lave-vaisselle|Sel régénérant|Liquide de rinçage", "",
    "|tout-en-un|écologiques|sans phosphates|au citron", NULL, "x 30|x 60=180|1 kg", 349, 899, .brands = CLEANERS },
  { "Nettoyant", "multi-usages|sols|vitres|salle de bain|WC|cuisine|dégraissant|anticalcaire",
    "||au vinaigre blanc|au savon noir|à l'huile essentielle de citron|écologique|en recharge", NULL, "500 ml|750 ml|1 L",
    199, 549, .brands = CLEANERS },
  { "Vinaigre ménager|Savon noir|Bicarbonate de soude|Cristaux de soude|Percarbonate de soude|Acide citrique|Terre de Sommières|Blanc de Meudon",
    "", "||à l'huile de lin|parfumé à la lavande|14°", NULL, "500 g|1 kg|1 L", 199, 599, .brands = CLEANERS },
  { "Éponges", "|végétales|grattantes|non rayantes|lavables|en luffa", "", NULL, "x 2|x 3|x 6=200", 149, 399,
    .flags = ITEM_NOT_ORGANIC },
  { "Sacs poubelle", "30 L|50 L|100 L|20 L", "|à liens|recyclés|compostables|renforcés", NULL, "x 10|x 20=170|x 30=240",
    199, 499, .flags = ITEM_NOT_ORGANIC },
  { "Essuie-tout|Papier aluminium|Film étirable|Sacs congélation|Allumettes|Bougies|Lavettes microfibre|Gants de ménage|Pinces à linge|Filtres à café",
    "", "|recyclé|compostables|en coton|lavables|taille M|taille L|en bois", NULL, "x 1|x 2|x 4=300", 129, 499,
    .flags = ITEM_NOT_ORGANIC },
  { "Désodorisant|Anti-mites|Détachant|Cire pour meubles|Entretien cuir", "", "|naturel|au cèdre|à la lavande|au savon de fiel",
    NULL, "250 ml|500 ml", 299, 799, .flags = ITEM_NOT_ORGANIC, .brands = CLEANERS },
};

static const Item frozen[] = {
  { "Haricots verts extra-fins|Petits pois|Épinards en branches|Brocolis en fleurettes|Poêlée de légumes|Poêlée campagnarde|Ratatouille|Julienne de légumes|Mélange wok|Choux de Bruxelles|Haricots plats|Poêlée forestière|Frites|Pommes noisettes|Potatoes|Purée de potiron|Soupe de légumes",
    "", "||extra|du potager|de Bretagne|à l'huile d'olive|cuisinés", NULL, "450 g|750 g|1 kg|2,5 kg=300", 179, 449 },
  { "Pizza", "margherita|quatre fromages|royale|chèvre miel|végétarienne|aux légumes grillés|napolitaine|calzone|reine|forestière",
    "||pâte fine|cuite au feu de bois|pâte épaisse", NULL, "350 g|400 g|450 g", 249, 699 },
  { "Glace|Sorbet|Crème glacée", "vanille|chocolat|fraise|citron|café|pistache|caramel beurre salé|mangue|framboise|cassis|noix de coco|rhum-raisins|nougat",
    "||artisanale|de Bourbon|plein fruit", NULL, "500 ml|750 ml|1 L", 299, 799 },
  { "Filets de colin|Filets de cabillaud|Pavés de saumon|Crevettes|Moules|Poisson pané|Noix de Saint-Jacques|Calamars|Filets de lieu",
    "", "|MSC|sauvage|d'élevage|d'Atlantique|du Pacifique|de Bretagne|cuites", NULL, "300 g|400 g|600 g", 349, 1499,
    .brands = "Marée du Nord|Les Pêcheurs d'Étel|Les Surgelés du Terroir" },
  { "Lasagnes|Hachis parmentier|Gratin dauphinois|Paëlla|Couscous|Curry de légumes|Risotto|Moussaka|Tajine de légumes|Chili sin carne|Gnocchis à poêler|Nems|Samoussas|Galettes de légumes|Quiche",
    "", "|végétal|aux légumes|aux champignons|au saumon|aux épinards|au bœuf|au poulet", NULL, "300 g|600 g|1 kg", 299, 899 },
  { "Fruits rouges|Framboises|Myrtilles|Cerises dénoyautées|Mangue en dés|Ananas en morceaux|Mélange smoothie", "",
    "||surgelés|de France", NULL, "300 g|500 g|1 kg", 249, 799 },
  { "Bûche glacée|Profiteroles|Macarons|Tarte tatin|Fondant au chocolat", "", "||à partager|artisanal", NULL,
    "x 4|x 6|500 g", 349, 999 },
};

static const Item press[] = {
  { "La Gazette des Coopérateurs|Le Journal du Quartier|L'Écho des Halles|Le Courrier du Val|La Dépêche des Canaux",
    "", "", NULL, NULL, 150, 320, .flags = ITEM_NOT_ORGANIC },
  { "Terre et Saisons|Cuisine des Quatre Saisons|Jardiner Autrement|L'Hebdo Solidaire|Vélo et Territoires|Les Petits Curieux|Maison Écologique|Le Mensuel des Campagnes",
    "", "", NULL, NULL, 490, 790, .flags = ITEM_NOT_ORGANIC },
};

static const Item baby[] = {
  { "Petit pot", "carottes|patate douce|légumes verts|courgettes riz|pommes poires|pomme banane|bœuf légumes|poulet carottes|saumon brocolis|potiron quinoa|panais",
    "dès 4 mois|dès 6 mois|dès 8 mois|dès 12 mois", NULL, "130 g|200 g|2 x 130 g=180|4 x 130 g=340", 129, 299 },
  { "Gourde", "pomme mangue|pomme fraise|pomme abricot|poire banane|multifruits|pomme myrtille", "dès 6 mois|dès 8 mois", NULL,
    "90 g|4 x 90 g=350", 99, 199 },
  { "Lait infantile", "1er âge|2e âge|de croissance|au lait de chèvre", "||en poudre", NULL, "800 g|900 g=110", 1299, 2899,
    .brands = "Petits Pas|Tendre Enfance" },
  { "Céréales bébé|Biscuits bébé|Purée de fruits bébé|Compote bébé", "", "|dès 6 mois|dès 8 mois|à la vanille|au cacao|multicéréales|sans gluten",
    NULL, "250 g|400 g", 249, 499 },
  { "Couches", "taille 1|taille 2|taille 3|taille 4|taille 5|taille 6", "||écologiques|ultra-absorbantes|culottes", NULL,
    "x 24|x 30|x 44=170", 799, 1699, .vat_bp = 2000, .brands = "Câlin Coton|Petits Pas|Tendre Enfance",
    .flags = ITEM_NOT_ORGANIC },
  { "Lingettes bébé", "|à l'eau|sans parfum|au liniment|compostables", "", NULL, "x 64|3 x 64=270", 199, 449,
    .vat_bp = 2000, .brands = "Câlin Coton|Tendre Enfance|Atelier Calendula" },
  { "Liniment oléo-calcaire|Crème pour le change|Gel lavant bébé|Huile de massage bébé", "",
    "|sans parfum|au calendula|à l'huile d'olive|à l'amande douce", NULL, "100 ml|500 ml=300", 299, 699, .vat_bp = 2000,
    .brands = "Câlin Coton|Tendre Enfance|Atelier Calendula" },
};

#define ITEMS(a) a, G_N_ELEMENTS (a)

const Section comptoir_demo_sections[] = {
  { CAT_PRODUCE, SELL_WEIGHED, 45, ITEMS (produce_weighed), "au kilo", FRANCE_FIRST, PRODUCERS, 0, 40,
    SECTION_ORIGIN_IN_NAME },
  { CAT_PRODUCE, SELL_PACKAGED, 35, ITEMS (produce_packaged), NULL, FRANCE_FIRST, PRODUCERS, 30, 40 },
  { CAT_BULK, SELL_WEIGHED, 45, ITEMS (bulk_weighed), "vrac", NULL, GROCERS, 25, 60 },
  { CAT_BULK, SELL_LIQUID, 8, ITEMS (bulk_liquid), "vrac", NULL, GROCERS, 25, 40 },
  { CAT_GROCERY, SELL_PACKAGED, 225, ITEMS (grocery), NULL, NULL, GROCERS, 55, 35 },
  { CAT_SWEET, SELL_PACKAGED, 115, ITEMS (sweet), NULL, NULL, SWEETS, 55, 30 },
  { CAT_FRESH, SELL_PACKAGED, 125, ITEMS (fresh), NULL, NULL, DAIRIES, 60, 30 },
  { CAT_CHEESE, SELL_WEIGHED, 30, ITEMS (cheese_cut), "à la coupe", NULL, CHEESES, 50, 20 },
  { CAT_CHEESE, SELL_PACKAGED, 22, ITEMS (cheese_packaged), NULL, NULL, CHEESES, 60, 20 },
  { CAT_BAKERY, SELL_PACKAGED, 30, ITEMS (bakery), NULL, NULL, BAKERS, 50, 40 },
  { CAT_DRINKS, SELL_PACKAGED, 70, ITEMS (drinks), NULL, NULL, DRINKERS, 55, 25 },
  { CAT_CELLAR, SELL_PACKAGED, 80, ITEMS (cellar), NULL, NULL, WINERIES, 85, 25 },
  { CAT_HYGIENE, SELL_PACKAGED, 60, ITEMS (hygiene), NULL, NULL, SOAPERS, 55, 15 },
  { CAT_CLEANING, SELL_PACKAGED, 40, ITEMS (cleaning), NULL, NULL, CLEANERS, 50, 10 },
  { CAT_FROZEN, SELL_PACKAGED, 45, ITEMS (frozen), NULL, NULL, FREEZERS, 50, 20 },
  { CAT_PRESS, SELL_PACKAGED, 5, ITEMS (press), NULL, NULL, NULL, 0, 0, SECTION_ISSUE_NUMBER },
  { CAT_BABY, SELL_PACKAGED, 20, ITEMS (baby), NULL, NULL, BABIES, 60, 45 },
};

const guint comptoir_demo_n_sections = G_N_ELEMENTS (comptoir_demo_sections);

/* The generator's plan holds a section index in a guint8. */
G_STATIC_ASSERT (G_N_ELEMENTS (comptoir_demo_sections) <= G_MAXUINT8 + 1);

/* Members: common French first and last names, accents and all. */
const char * const comptoir_demo_first_names[] = {
  "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Jade", "Louise", "Zoé", "Lucie",
  "Clara", "Sarah", "Juliette", "Alice", "Anaïs", "Pauline", "Marie", "Mathilde", "Élise", "Margaux",
  "Agathe", "Hélène", "Cécile", "Sophie", "Nathalie", "Isabelle", "Sylvie", "Valérie", "Françoise", "Monique",
  "Brigitte", "Aurélie", "Émilie", "Céline", "Maëlle", "Noémie", "Léonie", "Salomé", "Fatima", "Amina",
  "Yasmine", "Nadia", "Mélanie", "Anne-Sophie", "Solène", "Gwenaëlle", "Océane", "Héloïse", "Bérénice", "Marie-Claire",
  "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Nathan", "Léo", "Raphaël", "Thomas",
  "Paul", "Antoine", "Maxime", "Alexandre", "Julien", "Nicolas", "Pierre", "Jean", "François", "Michel",
  "Philippe", "Alain", "Bernard", "Christophe", "Stéphane", "Sébastien", "Frédéric", "Jérôme", "Laurent", "Olivier",
  "Benoît", "Théo", "Mathis", "Noé", "Timothée", "Gaël", "Yannick", "Loïc", "Mehdi", "Karim",
  "Youssef", "Mamadou", "Moussa", "Hervé", "Rémi", "Cédric", "Grégoire", "Étienne", "Joël", "Jean-Baptiste",
};

const char * const comptoir_demo_last_names[] = {
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
  "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
  "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
  "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
  "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger",
  "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Pérez", "Marchand", "Dufour", "Blanchard",
  "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Renard", "Arnaud",
  "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard",
  "Lacroix", "Fabre", "Le Gall", "Le Goff", "N'Diaye", "Diallo", "Benali", "Traoré", "Hoarau", "Da Silva",
  "Kervella", "Lemaître", "Chrétien", "Bénard", "Boucher", "Ménard", "Texier", "Besnard", "Lebœuf", "Kowalski",
};

const guint comptoir_demo_n_first_names = G_N_ELEMENTS (comptoir_demo_first_names);
const guint comptoir_demo_n_last_names = G_N_ELEMENTS (comptoir_demo_last_names);
